using ExecutiveDashboard.Billing.Ingest;
using ExecutiveDashboard.Billing.Reads;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Billing.Telemetry;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.ServiceDefaults.OpenApi;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Billing.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(ServiceCatalog.Billing.Database, typeof(Extensions).Assembly);
        builder.AddEventBus();
        builder.AddOutbox();
        builder.AddIngest();
        builder.Services.AddSingleton(new BillingOptions(
            builder.Configuration["Billing:ReportingCurrency"] ?? BillingEvent.DefaultReportingCurrency));
        builder.Services.AddSingleton<BillingEventStore>();
        builder.AddIngestQueue<BillingEventStore, BillingEvent>(ServiceCatalog.Billing.IngestQueue);
        builder.Services.AddSingleton<BillingMetrics>();
        builder.Services.AddSingleton<BillingOverviewQuery>();
        builder.Services.AddSingleton<BillingSignalsQuery>();
        builder.AddWarmUp<BillingWarmUp>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
