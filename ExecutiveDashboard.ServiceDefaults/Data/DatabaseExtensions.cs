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
        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddHostedService(sp => new DatabaseMigrator(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            builder.Configuration.GetConnectionString(connectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set."),
            migrationsAssembly,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseMigrator>>()));
        return builder;
    }
}
