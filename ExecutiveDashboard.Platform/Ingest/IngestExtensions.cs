using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Platform.Ingest;

public static class IngestExtensions
{
    /// <summary>Idempotent ingest (<see cref="IngestTransaction"/>) and the table of the event ids it claims
    /// (<c>Migrations/000_ingested_events.sql</c>); needs the service's database and its outbox.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.AddMigrations(MigrationSet.OwnedBy(typeof(IngestTransaction)));
        builder.Services.AddSingleton<IngestTransaction>();
        return builder;
    }

    /// <summary>Ingest over the bus (<see cref="IngestQueue{T}"/>): the service takes the batches of its queue
    /// (<paramref name="queue"/>, or <see cref="IngestQueueOptions.QueueSetting"/>) into <typeparamref name="TStore"/>,
    /// the store its HTTP ingest uses.</summary>
    public static IHostApplicationBuilder AddIngestQueue<TStore, T>(this IHostApplicationBuilder builder, string queue)
        where TStore : class, IEventIngest<T> where T : class
    {
        var broker = builder.Configuration.GetConnectionString(EventBusExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{EventBusExtensions.ConnectionName} is not set.");
        var options = new IngestQueueOptions(new Uri(broker), builder.Configuration[IngestQueueOptions.QueueSetting] ?? queue);
        builder.Services.AddHostedService(services =>
            ActivatorUtilities.CreateInstance<IngestQueue<T>>(services, options, services.GetRequiredService<TStore>()));
        return builder;
    }
}
