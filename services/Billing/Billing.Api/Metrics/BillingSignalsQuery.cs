using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using Npgsql;

namespace ExecutiveDashboard.Billing.Metrics;

/// <summary>The inputs of the alert rules for one scope: MRR at asOf and a day earlier, from the stored
/// state intervals with the overview's own snapshot query.</summary>
public sealed class BillingSignalsQuery(NpgsqlDataSource dataSource)
{
    public async Task<BillingSignals> GetAsync(string scope, DateTime asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        BillingOverviewQuery.AddSnapshots(batch, scope == Scopes.Platform ? null : scope, [asOf, asOf.AddDays(-1)]);

        var mrr = new List<decimal>(2);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            mrr.Add(reader.GetDecimal(1));
        }
        return new BillingSignals(asOf, Mrr: mrr[0], MrrDayBefore: mrr[1]);
    }
}
