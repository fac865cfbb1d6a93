using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.AppHost.Diagnostics;

public static class DiagnosticsExtensions
{
    /// <summary>Aspire.Hosting.Testing asks DCP to randomize ports; <c>dotnet run</c> does not.</summary>
    public static bool IsUnderTest(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");

    /// <summary>The <see cref="StartupWatchdog"/>, for a person or script running the app host; a test reads the
    /// resources' states itself.</summary>
    public static IDistributedApplicationBuilder AddStartupWatchdog(this IDistributedApplicationBuilder builder)
    {
        if (!builder.IsUnderTest())
        {
            builder.Services.AddSingleton<StartupWatchdog>();
            builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
            {
                var lifetime = e.Services.GetRequiredService<IHostApplicationLifetime>();
                _ = e.Services.GetRequiredService<StartupWatchdog>().WatchAsync(lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }
        return builder;
    }
}
