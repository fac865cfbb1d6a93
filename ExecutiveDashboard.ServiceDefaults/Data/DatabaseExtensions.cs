using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>The service's own PostgreSQL database (Aspire's Npgsql client: pooling, health check,
    /// telemetry), created if missing and migrated to the newest embedded <c>*.sql</c> file before the
    /// service starts answering.</summary>
    public static IHostApplicationBuilder AddMigratedDatabase(this IHostApplicationBuilder builder,
        string connectionName, Assembly migrationsAssembly)
    {
        // Dashboard reads are many short index probes in one statement (unnested pieces, LATERAL). Their generic plans
        // can look costly enough for PostgreSQL's JIT, which then compiles for far longer than the query runs
        // (docs/performance.md, Overview reads). Off per connection: no server setting or database privilege needed.
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: dataSource =>
            dataSource.ConnectionStringBuilder.Options = $"{dataSource.ConnectionStringBuilder.Options} -c jit=off".Trim());
        builder.Services.AddHostedService(sp => new DatabaseMigrator(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set."),
            migrationsAssembly,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseMigrator>>()));
        return builder;
    }
}
