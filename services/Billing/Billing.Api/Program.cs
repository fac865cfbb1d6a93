using ExecutiveDashboard.Billing.Apis;
using ExecutiveDashboard.Billing.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapBillingApi();
app.Run();

public partial class Program;
