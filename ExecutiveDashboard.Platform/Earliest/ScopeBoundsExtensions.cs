using ExecutiveDashboard.Platform.Data;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Platform.Earliest;

public static class ScopeBoundsExtensions
{
    /// <summary>The table <see cref="ScopeBounds"/> records into, for a service whose ingest records its bounds.</summary>
    public static IHostApplicationBuilder AddScopeBounds(this IHostApplicationBuilder builder) =>
        builder.AddMigrations(MigrationSet.OwnedBy(typeof(ScopeBounds)));
}
