using ExecutiveDashboard.Gateway.IntegrationEvents;
using ExecutiveDashboard.Gateway.IntegrationEvents.EventHandling;
using ExecutiveDashboard.Gateway.Model;
using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.Gateway.RateLimits;
using ExecutiveDashboard.Gateway.Realtime;
using ExecutiveDashboard.Gateway.Telemetry;
using ExecutiveDashboard.Gateway.WarmUp;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.Platform.WarmUp;
using ExecutiveDashboard.ServiceDefaults.OpenApi;

namespace ExecutiveDashboard.Gateway.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus(bus =>
        {
            bus.AddConsumer<MetricsChangedConsumer>();
            bus.AddLiveConsumers();
        });
        builder.AddApiRateLimiting();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.Configure<OverviewOptions>(builder.Configuration.GetSection("Overview"));
        foreach (var service in DashboardServices.All)
        {
            builder.Services.AddHttpClient(service, http => http.BaseAddress = DashboardServices.AddressOf(service));
        }
        builder.Services.AddSingleton<DashboardServices>();
        builder.Services.AddSingleton<OverviewCache>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<OverviewComposer>();
        builder.Services.Configure<RealtimeOptions>(builder.Configuration.GetSection("Realtime"));
        builder.Services.AddSingleton<LiveHub>();
        builder.AddWarmUp<GatewayWarmUp>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
