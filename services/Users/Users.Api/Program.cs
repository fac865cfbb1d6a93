using ExecutiveDashboard.Users.Apis;
using ExecutiveDashboard.Users.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapUsersApi();
app.MapLayoutApi();
app.MapPreferencesApi();
app.Run();

public partial class Program;
