using System.Globalization;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>The integration events as lines of the live feed: a kind and a sentence a person reads.</summary>
public static class ActivityText
{
    public const string RunSucceeded = "run.succeeded", RunFailed = "run.failed", UserSignedUp = "user.signed_up",
        AlertTriggered = "alert.triggered", AlertResolved = "alert.resolved", AlertAcknowledged = "alert.acknowledged",
        ExportGenerated = "export.generated";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ActivityFrame Of(RunCompleted run)
    {
        var agent = run.AgentName ?? run.AgentId;
        var runtime = Duration(run.CompletedAt - run.StartedAt);
        return run.Succeeded
            ? new(run.EventId, run.WorkspaceId, RunSucceeded,
                string.Create(Invariant, $"{agent} finished a run for {run.UserId} in {runtime} ({run.Credits:0.##} {(run.Credits == 1 ? "credit" : "credits")})"), run.CompletedAt)
            : new(run.EventId, run.WorkspaceId, RunFailed,
                $"{agent} failed for {run.UserId} after {runtime}{(run.ErrorCode is { } code ? $": {code}" : "")}", run.CompletedAt);
    }

    /// <summary>Signups only: that a known user was active again is not news.</summary>
    public static ActivityFrame? Of(UserActivityRecorded activity) => activity.Kind == UserSignedUp
        ? new(activity.EventId, activity.WorkspaceId, UserSignedUp,
            activity.Name is { } name ? $"{name} ({activity.UserId}) signed up" : $"{activity.UserId} signed up", activity.OccurredAt)
        : null;

    public static ActivityFrame Of(SubscriptionChanged change)
    {
        var workspace = change.WorkspaceId;
        var plan = change.Plan ?? "a plan";
        var monthly = change.Currency is { } currency
            ? string.Create(Invariant, $"{change.MonthlyValue:#,0.00} {currency}")
            : change.MonthlyValue.ToString("#,0.00", Invariant);
        var text = change.Type switch
        {
            "subscription.started" => $"{workspace} subscribed to {plan}: MRR {monthly}",
            "subscription.changed" => $"{workspace} changed plan to {plan}: MRR {monthly}",
            "subscription.canceled" => $"{workspace} canceled its subscription",
            "trial.started" => $"{workspace} started a trial of {plan}",
            "trial.ended" => $"{workspace}'s trial ended",
            _ => $"{workspace}: {change.Type}",
        };
        return new(change.EventId, workspace, change.Type, text, change.OccurredAt);
    }

    public static ActivityFrame Of(AlertTriggered alert, DateTime now) =>
        new($"{alert.AlertId}:{alert.Severity}", alert.WorkspaceId, AlertTriggered,
            $"{Capitalized(alert.Severity)} alert: {alert.Message}", now);

    public static ActivityFrame Of(AlertResolved alert) =>
        new($"{alert.AlertId}:resolved", alert.WorkspaceId, AlertResolved,
            $"Alert cleared: {Capitalized(alert.Rule.Replace('-', ' '))}", alert.ResolvedAt);

    /// <summary>"Dana acknowledged: …". Only the first acknowledgement of an alert is published, so its id is the alert's.</summary>
    public static ActivityFrame Of(AlertAcknowledged alert) =>
        new($"{alert.AlertId}:acknowledged", alert.WorkspaceId, AlertAcknowledged, $"{alert.By} acknowledged: {alert.Message}", alert.At);

    /// <summary>"Dana exported the 30-day PDF".</summary>
    public static ActivityFrame Of(ExportGenerated export) =>
        new($"export:{export.ExportId}", export.Scope, ExportGenerated,
            $"{export.Name} exported the {(Timeframes.TryParse(export.Timeframe, out var timeframe) ? timeframe.ToAdjective() : export.Timeframe)} {export.Format.ToUpperInvariant()}",
            export.At);

    /// <summary>"850 ms", "4.2 s", "3 min 5 s", "2 h 10 min".</summary>
    public static string Duration(TimeSpan runtime) => runtime.TotalSeconds switch
    {
        < 1 => string.Create(Invariant, $"{Math.Max(0, runtime.TotalMilliseconds):0} ms"),
        < 60 => string.Create(Invariant, $"{runtime.TotalSeconds:0.#} s"),
        < 3600 => string.Create(Invariant, $"{(int)runtime.TotalMinutes} min {runtime.Seconds} s"),
        _ => string.Create(Invariant, $"{(int)runtime.TotalHours} h {runtime.Minutes} min"),
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
