using ExecutiveDashboard.Platform.Http;
using ExecutiveDashboard.Platform.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Platform;

public static class PlatformExtensions
{
    /// <summary>What every part of the platform a service opts into (its database, the event bus) relies on, added once
    /// whichever comes first: the background-loop runner with its health in <c>/health</c>
    /// (<see cref="ResilienceExtensions.AddBackgroundLoops"/>), and a 503 for a request that a store's outage failed
    /// (<see cref="UnavailableHandler"/>).</summary>
    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(LoopHealth)))
        {
            return builder;
        }
        builder.AddBackgroundLoops();
        builder.Services.AddExceptionHandler<UnavailableHandler>();
        return builder;
    }
}
