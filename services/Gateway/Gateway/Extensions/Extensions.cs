using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.ServiceDefaults.Messaging;

namespace ExecutiveDashboard.Gateway.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus(bus => bus.AddConsumer<MetricsChangedConsumer>());
        builder.AddApiRateLimiting();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.Configure<OverviewOptions>(builder.Configuration.GetSection("Overview"));
        foreach (var service in DashboardServices.All)
        {
            // A service that is down must cost one quick attempt, not retries until the overview's timeout:
            // these clients replace the default handler (RemoveAllResilienceHandlers is marked experimental).
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(service, http => http.BaseAddress = DashboardServices.AddressOf(service))
                .RemoveAllResilienceHandlers()
                .AddStandardResilienceHandler(resilience =>
                {
                    resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                    resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
                    resilience.Retry.MaxRetryAttempts = 1;
                    resilience.Retry.Delay = TimeSpan.FromMilliseconds(50);
                    resilience.CircuitBreaker.MinimumThroughput = 5;
                    resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
                    resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
                });
#pragma warning restore EXTEXP0001
        }
        builder.Services.AddSingleton<DashboardServices>();
        builder.Services.AddSingleton<OverviewCache>();
        builder.Services.AddSingleton<OverviewComposer>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
