using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>
/// The real exports service (its own Program) over a real PostgreSQL database and the real broker. Two things are the
/// test's: the clock (a <see cref="FakeTimeProvider"/> started at the real now, so tokens stay valid, and moved by the
/// tests) and the dashboard it exports (<see cref="FixedDashboardSource"/>), which in the app is the gateway's overview
/// and the users service's layout (their endpoints have tests of their own).
/// </summary>
public sealed class ExportsService(string connectionString, string broker)
    : ServiceFactory<Program, ExecutiveDashboardData>(connectionString, broker, ServiceCatalog.Exports.Database, ServiceCatalog.Exports.RoutePrefix)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public FixedDashboardSource Dashboard { get; } = new();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The service's own audit (starting the service, and so migrating its database, if it has not started).</summary>
    public AuditLog Audit => Services.GetRequiredService<AuditLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IDashboardSource>(Dashboard);
        });
    }
}
