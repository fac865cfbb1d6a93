using ExecutiveDashboard.Gateway.ApiReference;
using ExecutiveDashboard.Gateway.Apis;
using ExecutiveDashboard.Gateway.Extensions;
using ExecutiveDashboard.Gateway.RateLimits;
using ExecutiveDashboard.Gateway.WebApp;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddWebApp();

var app = builder.Build();
app.UseDefaultAuthentication();
// Before authorization refuses anyone, so that refused requests are limited too.
app.UseApiRateLimiting();
app.UseDefaultAuthorization();
app.RefuseGatewayOnlyParameters();
app.MapHealthEndpoints();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.MapOpenApi();
app.MapApiReference();
app.MapOverviewApi();
app.MapLiveApi();
app.MapSignInApi();
if (app.Environment.IsDevelopment())
{
    app.MapDevTokenApi();
}
app.MapReverseProxy();
app.UseWebApp();
app.Run();

public partial class Program;
