using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExecutiveDashboard.Platform.Data;

public static class DatabaseExtensions
{
    /// <summary>The service's own PostgreSQL database (Aspire's Npgsql client: pooling, health check,
    /// telemetry), created if missing and migrated to the newest embedded <c>*.sql</c> file before the
    /// service starts answering: the service's own (<paramref name="migrationsAssembly"/>) and those of the platform's
    /// parts it opts into (<see cref="AddMigrations"/>).</summary>
    public static IHostApplicationBuilder AddMigratedDatabase(this IHostApplicationBuilder builder,
        string connectionName, Assembly migrationsAssembly)
    {
        builder.AddPlatform();
        // Dashboard reads are many short index probes in one statement (unnested pieces, LATERAL). Their generic plans
        // can look costly enough for PostgreSQL's JIT, which then compiles for far longer than the query runs
        // (docs/performance.md, Overview reads). Off per connection: no server setting or database privilege needed.
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: dataSource =>
            dataSource.ConnectionStringBuilder.Options = $"{dataSource.ConnectionStringBuilder.Options} -c jit=off".Trim());
        builder.AddMigrations(new MigrationSet(migrationsAssembly, ""));
        builder.Services.AddHostedService(sp => new DatabaseMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(),
            builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set."),
            sp.GetServices<MigrationSet>(),
            sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        return builder;
    }

    /// <summary>Migrations the service's database applies, with the tables of a part of the platform the service uses.</summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, MigrationSet migrations)
    {
        builder.Services.AddSingleton(migrations);
        return builder;
    }
}
