using ExecutiveDashboard.Billing.Ingest;
using ExecutiveDashboard.Billing.Metrics;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;

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
        builder.Services.AddSingleton<BillingOverviewQuery>();
        builder.Services.AddSingleton<BillingSignalsQuery>();
        builder.Services.AddOpenApi();
        return builder;
    }
}

/// <param name="ReportingCurrency">The one currency amounts are accepted and reported in (<c>Billing:ReportingCurrency</c>, default USD).</param>
public sealed record BillingOptions(string ReportingCurrency)
{
    public Func<string, EventFields, BillingEvent> Parser { get; } = BillingEvent.Parser(ReportingCurrency);
}
