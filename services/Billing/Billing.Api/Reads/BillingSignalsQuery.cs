using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using Npgsql;

namespace ExecutiveDashboard.Billing.Reads;

/// <summary>The inputs of the alert rules for many scopes at one instant: MRR at asOf and a day earlier, from the stored
/// state intervals with the overview's own snapshot query (the workspaces in one statement, the platform in another).
/// With <c>days</c>, the same query also reads the state at each of the days before asOf, for the goals' projections.</summary>
public sealed class BillingSignalsQuery(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<string, BillingSignals>> GetAsync(IReadOnlyList<string> scopes, DateTime asOf, int days, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        // asOf, a day before (the rules), then asOf − days … asOf − 1 day, oldest first (the goals' daily values).
        DateTime[] instants = [asOf, asOf.AddDays(-1), .. Enumerable.Range(0, days).Select(d => asOf.AddDays(d - days))];
        var workspaces = scopes.Where(s => s != Scopes.Platform).Distinct().ToArray();
        if (workspaces.Length > 0)
        {
            BillingOverviewQuery.AddSnapshots(batch, workspaces, instants);
        }
        if (scopes.Contains(Scopes.Platform))
        {
            BillingOverviewQuery.AddSnapshots(batch, null, instants);
        }

        var states = new Dictionary<string, (decimal Mrr, long Paid)[]>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var scope = reader.IsDBNull(0) ? Scopes.Platform : reader.GetString(0);
                if (!states.TryGetValue(scope, out var values))
                {
                    states[scope] = values = new (decimal, long)[instants.Length];
                }
                values[reader.GetInt64(1) - 1] = (reader.GetDecimal(2), reader.GetInt64(3));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return states.ToDictionary(m => m.Key, m => new BillingSignals(asOf, Mrr: m.Value[0].Mrr, MrrDayBefore: m.Value[1].Mrr,
            Daily: days == 0 ? null
                : [.. Enumerable.Range(2, days).Select(i => new BillingDay(instants[i], m.Value[i].Mrr, m.Value[i].Paid)),
                   new BillingDay(asOf, m.Value[0].Mrr, m.Value[0].Paid)]), StringComparer.Ordinal);
    }
}
