using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Csv;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.Exports.Downloads;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Limits;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Exports.Pdf;
using ExecutiveDashboard.Exports.Telemetry;
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

        // Loaded now, so that a machine without the fonts stops at start with a message naming the package.
        builder.Services.AddSingleton(PdfFonts.Load(builder.Configuration[PdfFonts.DirectorySetting] ?? PdfFonts.DefaultDirectory));
        builder.Services.AddSingleton<IDashboardFile, PdfDashboard>();
        builder.Services.AddSingleton<IDashboardFile, CsvDashboard>();
        builder.Services.AddHttpClient<IDashboardSource, GatewayDashboardSource>(http => http.BaseAddress = ServiceCatalog.GatewayAddress);
        builder.Services.AddSingleton(new ExportLimits(
            builder.Configuration.GetValue(ExportLimits.MachineShareSetting, ExportLimits.DefaultMachineShare)));
        builder.Services.AddSingleton<ExportsMetrics>();
        builder.Services.AddScoped<DashboardDownload>();
        builder.Services.AddSingleton<AuditLog>();
        builder.AddDigests();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
