using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.ServiceDefaults.Messaging;

namespace ExecutiveDashboard.Gateway.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEventBus();
        builder.AddApiRateLimiting();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.Configure<OverviewOptions>(builder.Configuration.GetSection("Overview"));
        builder.Services.AddHttpClient<ExecutionsClient>(http => http.BaseAddress = new Uri("http://executions-api"));
        builder.Services.AddScoped<OverviewComposer>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
