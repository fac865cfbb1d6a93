using ExecutiveDashboard.Executions.Apis;
using ExecutiveDashboard.Executions.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapExecutionsApi();
app.Run();

public partial class Program;
