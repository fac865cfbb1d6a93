using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Billing.Model;

/// <param name="ReportingCurrency">The one currency amounts are accepted and reported in (<c>Billing:ReportingCurrency</c>, default USD).</param>
public sealed record BillingOptions(string ReportingCurrency)
{
    public Func<string, EventFields, BillingEvent> Parser { get; } = BillingEvent.Parser(ReportingCurrency);
}
