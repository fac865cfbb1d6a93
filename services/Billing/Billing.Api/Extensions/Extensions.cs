using ExecutiveDashboard.Billing.Ingest;
using ExecutiveDashboard.Billing.Metrics;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Billing.Telemetry;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.ServiceDefaults.Data;
using ExecutiveDashboard.ServiceDefaults.Messaging;
using ExecutiveDashboard.ServiceDefaults.OpenApi;

namespace ExecutiveDashboard.Billing.Extensions;

public static class Extensions
{
    public const string DatabaseName = "billingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(DatabaseName, typeof(Extensions).Assembly);
        builder.AddEventBus();
        builder.AddOutbox();
        builder.Services.AddSingleton(new BillingOptions(
            builder.Configuration["Billing:ReportingCurrency"] ?? BillingEvent.DefaultReportingCurrency));
        builder.Services.AddSingleton<BillingEventStore>();
        builder.Services.AddSingleton<BillingMetrics>();
        builder.Services.AddSingleton<BillingOverviewQuery>();
        builder.Services.AddSingleton<BillingSignalsQuery>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
