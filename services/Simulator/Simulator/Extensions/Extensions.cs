using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Live;
using ExecutiveDashboard.Simulator.Ingest;
using ExecutiveDashboard.Simulator.Live;
using ExecutiveDashboard.Simulator.Worker;

namespace ExecutiveDashboard.Simulator.Extensions;

public static class Extensions
{
    public const string GatewayClient = "gateway";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SimulatorOptions.Section);
        builder.Services.Configure<SimulatorOptions>(section);
        var settings = section.Get<SimulatorOptions>() ?? new SimulatorOptions();
        // The dataset and the live traffic: the generator's own options, from the same section (End is set at start).
        builder.Services.AddSingleton(section.Get<SimulationOptions>() ?? new SimulationOptions { End = default });
        builder.Services.AddSingleton(section.GetSection("Live").Get<LiveOptions>() ?? new LiveOptions());

        // The sender has its own retries (429 Retry-After, backoff, a fresh token on 401), the same in the CLI. The
        // default resilience handler would stack a second policy on them, with a 10 s attempt timeout that a large
        // batch on a loaded machine can pass, and a circuit breaker that a run of 429s opens. Experimental API (EXTEXP0001),
        // pinned with the package version.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(GatewayClient, http =>
            {
                http.BaseAddress = new Uri(settings.Gateway);
                http.Timeout = TimeSpan.FromMinutes(2);
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddSingleton(sp => new GatewayTokens(
            Gateway(sp), builder.Environment.IsDevelopment(), settings.IngestToken, settings.ReaderToken));
        builder.Services.AddSingleton(sp => new IngestClient(Gateway(sp), sp.GetRequiredService<GatewayTokens>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new BackfillCheck(Gateway(sp), sp.GetRequiredService<ILogger<BackfillCheck>>()));
        builder.Services.AddSingleton<LiveTrickle>();
        builder.Services.AddHostedService<DemoWorker>();
        return builder;
    }

    private static HttpClient Gateway(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(GatewayClient);
}
