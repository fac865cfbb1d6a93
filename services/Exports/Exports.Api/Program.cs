using ExecutiveDashboard.Exports.Apis;
using ExecutiveDashboard.Exports.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapExportsApi();
app.MapAuditApi();
app.MapDigestsApi();
app.Run();

public partial class Program;
