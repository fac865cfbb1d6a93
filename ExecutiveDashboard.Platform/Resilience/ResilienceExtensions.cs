using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.Platform.Resilience;

internal static class ResilienceExtensions
{
    /// <summary><see cref="BackgroundLoop"/> for the services' loops, and their <see cref="LoopHealth"/> in <c>/health</c>.
    /// Both on the wall clock, not the service's <see cref="TimeProvider"/> (a test's may stand still): they pace retries
    /// against real outages.</summary>
    internal static IHostApplicationBuilder AddBackgroundLoops(this IHostApplicationBuilder builder)
    {
        var options = new LoopHealthOptions(builder.Configuration.GetValue(
            $"{LoopHealthOptions.Section}:{nameof(LoopHealthOptions.UnhealthyAfter)}", LoopHealthOptions.DefaultUnhealthyAfter));
        builder.Services.AddSingleton(sp => new LoopHealth(TimeProvider.System, options, sp.GetRequiredService<ILogger<LoopHealth>>()));
        builder.Services.AddSingleton(sp => new BackgroundLoop(sp.GetRequiredService<LoopHealth>(), TimeProvider.System,
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
        builder.Services.AddHealthChecks().AddCheck<LoopHealth>(LoopHealth.Name);
        return builder;
    }
}
