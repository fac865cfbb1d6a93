using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Platform.WarmUp;

public static class WarmUpExtensions
{
    /// <summary>Adds <typeparamref name="TWarmUp"/> to the reads the service makes once at start before it reports itself
    /// ready (<see cref="IWarmUp"/>); the runner and its health check are added with the first.</summary>
    public static IHostApplicationBuilder AddWarmUp<TWarmUp>(this IHostApplicationBuilder builder) where TWarmUp : class, IWarmUp
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(WarmUpHealth)))
        {
            builder.Services.AddSingleton(new WarmUpOptions(builder.Configuration.GetValue(
                $"{WarmUpOptions.Section}:{nameof(WarmUpOptions.Budget)}", WarmUpOptions.DefaultBudget)));
            builder.Services.AddSingleton<WarmUpHealth>();
            builder.Services.AddHostedService<WarmUpRunner>();
            builder.Services.AddHealthChecks().AddCheck<WarmUpHealth>(WarmUpHealth.Name);
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWarmUp, TWarmUp>());
        return builder;
    }
}
