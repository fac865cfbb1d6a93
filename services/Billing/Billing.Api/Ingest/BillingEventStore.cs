using ExecutiveDashboard.Billing.Extensions;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Billing.Subscriptions;
using ExecutiveDashboard.Billing.Telemetry;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;
using NpgsqlTypes;

namespace ExecutiveDashboard.Billing.Ingest;

/// <summary>
/// Stores a valid batch in one transaction: claims the event ids (the ones seen before are duplicates
/// and change nothing), keeps the new raw events, and recomputes the whole timeline of every workspace
/// the batch touched from all of that workspace's stored events, so late and out-of-order events count
/// as if they had come in order. Committed before the caller answers 202; the integration events go to
/// the outbox in the same transaction.
/// </summary>
public sealed class BillingEventStore(IngestTransaction ingest, Outbox outbox, BillingOptions options, BillingMetrics metrics, TimeProvider clock)
    : IEventIngest<BillingEvent>
{
    public string[] Types => BillingEvent.Types;

    /// <summary>Amounts only in the reporting currency (<see cref="BillingOptions"/>).</summary>
    public BillingEvent Parse(string type, EventFields fields) => options.Parser(type, fields);

    /// <summary>marketing.spend belongs to the platform: its scope is <c>all</c>, so sending it needs the
    /// <c>*</c> grant, like reading the platform.</summary>
    public string? WorkspaceOf(BillingEvent @event) => @event.WorkspaceId ?? Scopes.Platform;

    public Task<IngestResult> StoreAsync(IReadOnlyList<BillingEvent> events, CancellationToken cancellationToken) =>
        ingest.RunAsync(events, e => e.EventId, StoreNewAsync, cancellationToken, metrics.EventsAccepted);

    private async Task StoreNewAsync(NpgsqlConnection connection, IReadOnlyList<BillingEvent> newEvents, CancellationToken cancellationToken)
    {
        await CopySubscriptionEventsAsync(connection, newEvents.Where(e => e.WorkspaceId is not null), cancellationToken);
        await CopyMarketingSpendAsync(connection, newEvents.OfType<MarketingSpendEvent>(), cancellationToken);

        var touched = newEvents.Where(e => e.WorkspaceId is not null).Select(e => e.WorkspaceId!)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var timelines = touched.Length == 0 ? [] : await RecomputeAsync(connection, touched, cancellationToken);
        await outbox.EnqueueAsync(connection, IntegrationEvents(newEvents, timelines), cancellationToken);
    }

    /// <summary>Locks the touched workspaces (in id order, so concurrent batches cannot deadlock), reads all
    /// their events, and replaces their stored intervals by freshly computed ones.</summary>
    private static async Task<Dictionary<string, WorkspaceTimeline>> RecomputeAsync(
        NpgsqlConnection connection, string[] workspaces, CancellationToken cancellationToken)
    {
        await using (var lockRows = new NpgsqlCommand("""
            INSERT INTO workspaces (workspace_id, earliest_event_at)
            SELECT w, '-infinity' FROM unnest($1::text[]) WITH ORDINALITY AS u(w, i) ORDER BY i
            ON CONFLICT (workspace_id) DO UPDATE SET workspace_id = excluded.workspace_id
            """, connection))
        {
            lockRows.Parameters.Add(new NpgsqlParameter { Value = workspaces });
            await lockRows.ExecuteNonQueryAsync(cancellationToken);
        }

        // Read after taking the locks: under READ COMMITTED this statement sees every batch committed before.
        var stored = await ReadEventsAsync(connection, workspaces, cancellationToken);
        var timelines = workspaces.ToDictionary(w => w,
            w => SubscriptionTimeline.Build(w, stored.GetValueOrDefault(w) ?? []), StringComparer.Ordinal);

        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command("DELETE FROM workspace_states WHERE workspace_id = ANY($1)", (object)workspaces));
        batch.BatchCommands.Add(Command("""
            UPDATE workspaces w SET earliest_event_at = u.earliest, first_paid_at = u.first_paid
            FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS u(id, earliest, first_paid)
            WHERE w.workspace_id = u.id
            """,
            workspaces,
            workspaces.Select(w => timelines[w].EarliestEventAt).ToArray(),
            workspaces.Select(w => timelines[w].FirstPaidAt).ToArray()));
        await batch.ExecuteNonQueryAsync(cancellationToken);

        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY workspace_states (workspace_id, valid_from, valid_to, subscribed, plan, paid, monthly_value,
                                   trial_ends_at, mrr_delta, movement) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var timeline in timelines.Values)
        {
            foreach (var interval in timeline.Intervals)
            {
                var state = interval.State;
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(timeline.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(interval.ValidFrom, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(interval.ValidTo, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(state.Subscribed, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(state.Plan, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(state.Paid, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(state.Mrr, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(state.TrialEndsAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(interval.MrrDelta, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(interval.Movement?.Code(), NpgsqlDbType.Text, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
        return timelines;
    }

    /// <summary>One <see cref="SubscriptionChanged"/> per new workspace event, with the workspace's MRR right
    /// after it, and one <see cref="MetricsChanged"/> per workspace touched (<c>all</c> for marketing spend).</summary>
    private List<object> IntegrationEvents(IReadOnlyList<BillingEvent> newEvents, Dictionary<string, WorkspaceTimeline> timelines)
    {
        var messages = new List<object>();
        var fresh = newEvents.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        foreach (var timeline in timelines.Values)
        {
            foreach (var (e, after) in timeline.Steps.Where(s => fresh.Contains(s.Event.EventId)))
            {
                var plan = e switch
                {
                    TrialStartedEvent t => t.Plan,
                    PricedSubscriptionEvent p => p.Plan,
                    _ => after.Plan,
                };
                messages.Add(new SubscriptionChanged(e.EventId, timeline.WorkspaceId, e.Type, plan, after.Mrr, e.OccurredAt, options.ReportingCurrency));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        messages.Add(MetricsChangedBatch.Of(newEvents.Select(e => e.WorkspaceId ?? Scopes.Platform), ServiceCatalog.Billing.Name, now,
            ServiceCatalog.Billing.Changes));
        return messages;
    }

    private static async Task<Dictionary<string, List<BillingEvent>>> ReadEventsAsync(
        NpgsqlConnection connection, string[] workspaces, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT event_id, workspace_id, type, occurred_at, plan, billing_interval, amount, currency, trial_ends_at
            FROM subscription_events WHERE workspace_id = ANY($1)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaces });
        var events = new Dictionary<string, List<BillingEvent>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, workspace, type, at) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3));
            string Plan() => reader.GetString(4);
            BillingInterval Interval() => reader.GetString(5) == "year" ? BillingInterval.Year : BillingInterval.Month;
            BillingEvent e = type switch
            {
                BillingEvent.TrialStartedType => new TrialStartedEvent(id, workspace, Plan(), at, reader.GetDateTime(8)),
                BillingEvent.TrialEndedType => new TrialEndedEvent(id, workspace, at),
                BillingEvent.SubscriptionStartedType => new SubscriptionStartedEvent(id, workspace, Plan(), Interval(), reader.GetDecimal(6), reader.GetString(7), at),
                BillingEvent.SubscriptionChangedType => new SubscriptionChangedEvent(id, workspace, Plan(), Interval(), reader.GetDecimal(6), reader.GetString(7), at),
                _ => new SubscriptionCanceledEvent(id, workspace, at),
            };
            (events.TryGetValue(workspace, out var list) ? list : events[workspace] = []).Add(e);
        }
        return events;
    }

    private static async Task CopySubscriptionEventsAsync(NpgsqlConnection connection, IEnumerable<BillingEvent> events, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY subscription_events (event_id, workspace_id, type, occurred_at, plan, billing_interval, amount, currency, trial_ends_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var e in events)
        {
            var priced = e as PricedSubscriptionEvent;
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(e.EventId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.WorkspaceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(priced?.Plan ?? (e as TrialStartedEvent)?.Plan, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(priced is null ? null : priced.Interval == BillingInterval.Year ? "year" : "month", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(priced?.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(priced?.Currency, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((e as TrialStartedEvent)?.TrialEndsAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyMarketingSpendAsync(NpgsqlConnection connection, IEnumerable<MarketingSpendEvent> spend, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY marketing_spend (event_id, occurred_at, amount, currency, channel) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in spend)
        {
            await writer.WriteRowAsync(cancellationToken, s.EventId, s.OccurredAt, s.Amount, s.Currency, s.Channel);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        return command;
    }
}
