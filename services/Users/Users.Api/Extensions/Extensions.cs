using ExecutiveDashboard.ServiceDefaults.Data;
using ExecutiveDashboard.ServiceDefaults.Messaging;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.IntegrationEvents;
using ExecutiveDashboard.Users.Metrics;

namespace ExecutiveDashboard.Users.Extensions;

public static class Extensions
{
    public const string DatabaseName = "usersdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(DatabaseName, typeof(Extensions).Assembly);
        // A queue of its own: another service's consumer of RunsCompleted must not compete for these messages.
        // One message (a batch of up to 5,000 runs) at a time: batches in parallel only queued on the same users' rows.
        builder.AddEventBus(bus => bus.AddConsumer<RunsCompletedConsumer>()
            .Endpoint(e =>
            {
                e.Name = RunsCompletedConsumer.QueueName;
                e.ConcurrentMessageLimit = 1;
                e.PrefetchCount = 4;
            }));
        builder.AddOutbox();
        builder.Services.AddSingleton<UserEventStore>();
        builder.Services.AddSingleton<ActivitySpansCache>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ActivitySpansCache>());
        builder.Services.AddSingleton<UsersOverviewQuery>();
        builder.Services.AddSingleton<UserNamesQuery>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
