using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.ServiceDefaults.OpenApi;

namespace ExecutiveDashboard.Exports.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(ServiceCatalog.Exports.Database, typeof(Extensions).Assembly);
        builder.AddEventBus();
        builder.AddOutbox();
        builder.Services.AddSingleton<AuditLog>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
