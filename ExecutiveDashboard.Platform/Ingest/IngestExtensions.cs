using ExecutiveDashboard.Platform.Data;
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
}
