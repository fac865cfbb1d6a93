using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using Npgsql;

namespace ExecutiveDashboard.Billing.Reads;

/// <summary>The inputs of the alert rules for many scopes at one instant: MRR at asOf and a day earlier, from the stored
/// state intervals with the overview's own snapshot query (the workspaces in one statement, the platform in another).</summary>
public sealed class BillingSignalsQuery(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<string, BillingSignals>> GetAsync(IReadOnlyList<string> scopes, DateTime asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        DateTime[] instants = [asOf, asOf.AddDays(-1)];
        var workspaces = scopes.Where(s => s != Scopes.Platform).Distinct().ToArray();
        if (workspaces.Length > 0)
        {
            BillingOverviewQuery.AddSnapshots(batch, workspaces, instants);
        }
        if (scopes.Contains(Scopes.Platform))
        {
            BillingOverviewQuery.AddSnapshots(batch, null, instants);
        }

        var mrr = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var scope = reader.IsDBNull(0) ? Scopes.Platform : reader.GetString(0);
                if (!mrr.TryGetValue(scope, out var values))
                {
                    mrr[scope] = values = new decimal[2];
                }
                values[reader.GetInt64(1) - 1] = reader.GetDecimal(2);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return mrr.ToDictionary(m => m.Key, m => new BillingSignals(asOf, Mrr: m.Value[0], MrrDayBefore: m.Value[1]), StringComparer.Ordinal);
    }
}
