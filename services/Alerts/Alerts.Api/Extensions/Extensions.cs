using ExecutiveDashboard.Alerts.Annotations;
using ExecutiveDashboard.Alerts.Evaluation;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Alerts.IntegrationEvents.EventHandling;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Alerts.Telemetry;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.OpenApi;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Alerts.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(ServiceCatalog.Alerts.Database, typeof(Extensions).Assembly);
        builder.AddEventBus(bus => bus.AddConsumer<MetricsChangedConsumer>(MetricsChangedConsumer.Configure));
        builder.AddOutbox();

        foreach (var service in HttpSignalSource.Clients)
        {
            builder.Services.AddHttpClient(service.Name, http => http.BaseAddress = service.Address).AddServiceToken();
        }
        builder.Services.AddSingleton<HttpSignalSource>();
        builder.Services.AddSingleton<ISignalSource>(sp => sp.GetRequiredService<HttpSignalSource>());
        builder.Services.AddSingleton<IGoalHistorySource>(sp => sp.GetRequiredService<HttpSignalSource>());
        builder.Services.AddSingleton<GoalStore>();
        builder.Services.AddSingleton<GoalEvaluator>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AnnotationStore>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.AddWarmUp<AlertsWarmUp>();
        builder.Services.AddSingleton<AlertsMetrics>();
        builder.Services.AddSingleton(new AlertsOptions(
            builder.Configuration.GetValue("Alerts:EvaluationInterval", AlertsOptions.DefaultInterval),
            builder.Configuration.GetValue("Alerts:QuietSweepTicks", AlertsOptions.DefaultQuietSweepTicks)));
        builder.Services.AddSingleton<ChangedScopes>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangedScopes>());
        builder.Services.AddHostedService<EvaluationTimer>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
