using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.ServiceDefaults.OpenApi;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.IntegrationEvents.EventHandling;
using ExecutiveDashboard.Users.Layouts;
using ExecutiveDashboard.Users.Preferences;
using ExecutiveDashboard.Users.Reads;
using ExecutiveDashboard.Users.Telemetry;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Users.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(ServiceCatalog.Users.Database, typeof(Extensions).Assembly);
        // A queue of its own: another service's consumer of RunsCompleted must not compete for these messages.
        builder.AddEventBus(bus => bus.AddConsumer<RunsCompletedConsumer>(RunsCompletedConsumer.Configure)
            .Endpoint(e => e.Name = RunsCompletedConsumer.QueueName));
        builder.AddOutbox();
        builder.AddIngest();
        builder.AddScopeBounds();
        builder.Services.AddSingleton<UserEventStore>();
        builder.AddIngestQueue<UserEventStore, UserEvent>(ServiceCatalog.Users.IngestQueue);
        builder.Services.AddSingleton<UsersMetrics>();
        builder.Services.AddSingleton<ActivitySpansCache>();
        builder.Services.AddHostedService<ActivitySpansPoll>();
        builder.Services.AddSingleton<UsersOverviewQuery>();
        builder.Services.AddSingleton<UsersSignalsQuery>();
        builder.AddWarmUp<UsersWarmUp>();
        builder.Services.AddSingleton<UserNamesQuery>();
        builder.Services.AddSingleton<CardLayoutStore>();
        builder.Services.AddSingleton<PreferencesStore>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
