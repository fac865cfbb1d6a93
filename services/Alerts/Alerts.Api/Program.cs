using ExecutiveDashboard.Alerts.Apis;
using ExecutiveDashboard.Alerts.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapAlertsApi();
app.MapAlertsOverviewApi();
app.MapAnnotationsApi();
app.Run();

public partial class Program;
