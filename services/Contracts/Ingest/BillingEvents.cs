namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Events of the billing service (docs/events.md): trials and subscriptions of a workspace, and the
/// platform's marketing spend (<see cref="WorkspaceId"/> is <c>null</c> for it).</summary>
public abstract record BillingEvent(string EventId, string? WorkspaceId, DateTime OccurredAt)
{
    public const string TrialStartedType = "trial.started";
    public const string TrialEndedType = "trial.ended";
    public const string SubscriptionStartedType = "subscription.started";
    public const string SubscriptionChangedType = "subscription.changed";
    public const string SubscriptionCanceledType = "subscription.canceled";
    public const string MarketingSpendType = "marketing.spend";

    public static readonly string[] Types =
    [
        TrialStartedType, TrialEndedType, SubscriptionStartedType, SubscriptionChangedType, SubscriptionCanceledType, MarketingSpendType,
    ];

    public const string DefaultReportingCurrency = "USD";

    public string Type => this switch
    {
        TrialStartedEvent => TrialStartedType,
        TrialEndedEvent => TrialEndedType,
        SubscriptionStartedEvent => SubscriptionStartedType,
        SubscriptionChangedEvent => SubscriptionChangedType,
        SubscriptionCanceledEvent => SubscriptionCanceledType,
        _ => MarketingSpendType,
    };

    /// <summary>A parser for <see cref="EventBatch.Parse{T}"/> that refuses amounts in any currency but
    /// <paramref name="reportingCurrency"/>: the system never converts money.</summary>
    public static Func<string, EventFields, BillingEvent> Parser(string reportingCurrency) => (type, f) => type switch
    {
        TrialStartedType => TrialStartedEvent.Parse(f),
        TrialEndedType => new TrialEndedEvent(f.EventId!, f.WorkspaceId()!, f.Timestamp("occurredAt")),
        SubscriptionStartedType => new SubscriptionStartedEvent(f.EventId!, f.WorkspaceId()!, f.Text("plan")!,
            Interval(f), f.Number("amount", Bounds.MaxAmount), Currency(f, reportingCurrency)!, f.Timestamp("occurredAt")),
        SubscriptionChangedType => new SubscriptionChangedEvent(f.EventId!, f.WorkspaceId()!, f.Text("plan")!,
            Interval(f), f.Number("amount", Bounds.MaxAmount), Currency(f, reportingCurrency)!, f.Timestamp("occurredAt")),
        SubscriptionCanceledType => new SubscriptionCanceledEvent(f.EventId!, f.WorkspaceId()!, f.Timestamp("occurredAt")),
        _ => new MarketingSpendEvent(f.EventId!, f.Number("amount", Bounds.MaxAmount), Currency(f, reportingCurrency)!,
            f.Timestamp("occurredAt"), f.Text("channel")!),
    };

    private static BillingInterval Interval(EventFields f) =>
        f.OneOf("interval", "month", "year") == "year" ? BillingInterval.Year : BillingInterval.Month;

    private static string? Currency(EventFields f, string reportingCurrency)
    {
        var currency = f.Text("currency");
        if (currency is not null && !string.Equals(currency, reportingCurrency, StringComparison.OrdinalIgnoreCase))
        {
            f.Fail("currency", $"'{currency}' is not the reporting currency {reportingCurrency}; convert amounts to {reportingCurrency} before sending them");
            return null;
        }
        return currency?.ToUpperInvariant();
    }
}

public enum BillingInterval { Month, Year }

public sealed record TrialStartedEvent(string EventId, string WorkspaceId, string Plan, DateTime OccurredAt, DateTime TrialEndsAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    /// <summary>A trial ends ahead of now by design, so its end is held to the trial's start instead.</summary>
    public static TrialStartedEvent Parse(EventFields f)
    {
        var trial = new TrialStartedEvent(f.EventId!, f.WorkspaceId()!, f.Text("plan")!, f.Timestamp("occurredAt"), f.ScheduledTimestamp("trialEndsAt"));
        if (trial.OccurredAt != default && trial.TrialEndsAt != default)
        {
            if (trial.TrialEndsAt < trial.OccurredAt)
            {
                f.Fail("trialEndsAt", "must not be before occurredAt");
            }
            else if (trial.TrialEndsAt - trial.OccurredAt > Bounds.MaxTrialLength)
            {
                f.Fail("trialEndsAt", $"must lie at most {Bounds.MaxTrialLength.TotalDays:N0} days after occurredAt");
            }
        }
        return trial;
    }
}

public sealed record TrialEndedEvent(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt);

/// <summary>A subscription's terms: <c>subscription.started</c> and <c>subscription.changed</c>.</summary>
public abstract record PricedSubscriptionEvent(
    string EventId, string WorkspaceId, string Plan, BillingInterval Interval, decimal Amount, string Currency, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt);

public sealed record SubscriptionStartedEvent(
    string EventId, string WorkspaceId, string Plan, BillingInterval Interval, decimal Amount, string Currency, DateTime OccurredAt)
    : PricedSubscriptionEvent(EventId, WorkspaceId, Plan, Interval, Amount, Currency, OccurredAt);

public sealed record SubscriptionChangedEvent(
    string EventId, string WorkspaceId, string Plan, BillingInterval Interval, decimal Amount, string Currency, DateTime OccurredAt)
    : PricedSubscriptionEvent(EventId, WorkspaceId, Plan, Interval, Amount, Currency, OccurredAt);

public sealed record SubscriptionCanceledEvent(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt);

public sealed record MarketingSpendEvent(string EventId, decimal Amount, string Currency, DateTime OccurredAt, string Channel)
    : BillingEvent(EventId, null, OccurredAt);
