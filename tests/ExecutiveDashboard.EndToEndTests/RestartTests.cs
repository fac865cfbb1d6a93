using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;
using Npgsql;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The executions service restarted (Aspire's Stop and Start) and killed (SIGKILL) in the whole app. Each run of these
/// tests has a user of its own, so the users service's daily users count the <c>RunsCompleted</c> messages that reached it
/// from the executions service's outbox: a lost message is a missing user.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class RestartTests(DashboardApp app, ITestOutputHelper output)
{
    private static readonly string Executions = ServiceCatalog.Executions.ResourceName;
    private const string AsOf = "2026-04-01T12:00:00Z";

    /// <summary>A second after <see cref="AsOf"/>, with no event near either edge of its windows: the same numbers, from an answer
    /// the gateway has not cached before the restart.</summary>
    private const string RestartedAsOf = "2026-04-01T12:00:01Z";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_restarted_service_keeps_its_numbers_and_goes_on_with_new_work()
    {
        const string workspace = "hand_restart";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", workspace);

        await PostAsync(ingest, "/api/executions/events", Runs(workspace, "restart", 0, 8));
        await SettledAsync(ceo, workspace, runs: 8, "before the restart");

        foreach (var failure in await app.StopAsync(Executions, timeout.Token))
        {
            output.WriteLine(failure);
        }
        await app.StartAsync(Executions, timeout.Token);
        var after = await OverviewJson.ReadAsync(ceo, workspace, "24h", RestartedAsOf);
        Assert.Equal((8, 8), (Number(after, "executionMetrics", "totalRuns"), Number(after, "userMetrics", "dau")));

        await PostAsync(ingest, "/api/executions/events", Runs(workspace, "restart", 8, 4));
        await SettledAsync(ceo, workspace, runs: 12, "after the restart");
    }

    /// <summary>The broker is frozen (SIGSTOP), so the dispatcher's round cannot get its confirmations; runs are accepted
    /// (their outbox rows committed with them), and the service is killed while the dispatcher holds those rows. Once the
    /// broker runs again and the service is started, every message goes out: the users service sees every run's user,
    /// and the outbox is empty.</summary>
    [Fact]
    public async Task A_crash_in_the_middle_of_an_outbox_round_loses_no_message()
    {
        const string workspace = "hand_crash";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", workspace);
        await using var outbox = NpgsqlDataSource.Create(await app.ConnectionStringAsync(ServiceCatalog.Executions.Database));

        var broker = app.ProcessIdOf("rabbitmq");
        ProcessSignals.StopTree(broker);
        try
        {
            await PostAsync(ingest, "/api/executions/events", Runs(workspace, "crash", 0, 12));
            await Poll.UntilAsync("the dispatcher holding every outbox row", async () =>
                await CountAsync(outbox, "SELECT count(*) FROM outbox_messages") > 0
                && await CountAsync(outbox, "SELECT count(*) FROM (SELECT 1 FROM outbox_messages FOR UPDATE SKIP LOCKED) free") == 0,
                TimeSpan.FromSeconds(30));
            output.WriteLine($"killed process {await app.KillAsync(Executions, timeout.Token)} with " +
                $"{await CountAsync(outbox, "SELECT count(*) FROM outbox_messages")} outbox rows unpublished");
        }
        finally
        {
            ProcessSignals.ContinueTree(broker);
        }

        await app.StartAsync(Executions, timeout.Token);
        await SettledAsync(ceo, workspace, runs: 12, "after the crash");
        await Poll.UntilAsync("an empty outbox", async () => await CountAsync(outbox, "SELECT count(*) FROM outbox_messages") == 0, Settle);
    }

    /// <summary>Runs <paramref name="first"/> … of one workspace, each by a user of its own, in the hour before <see cref="AsOf"/>.</summary>
    private static JsonObject[] Runs(string workspace, string prefix, int first, int count) =>
        Enumerable.Range(first, count).Select(i => Run($"{prefix}-r{i}", workspace, "ag_r", "Restart Bot", $"u_{prefix}_{i}", true,
            Iso(Utc(AsOf).AddMinutes(-1 - i)), 4, 1.00m)).ToArray();

    /// <summary>Waits until the overview counts <paramref name="runs"/> runs and as many daily users (through the runs' messages).</summary>
    private async Task SettledAsync(HttpClient ceo, string workspace, long runs, string when)
    {
        var (answer, elapsed, done) = await OverviewJson.ReadUntilAsync(ceo, workspace, "24h", AsOf,
            a => Number(a, "executionMetrics", "totalRuns") == runs && Number(a, "userMetrics", "dau") == runs, Settle);
        output.WriteLine($"{when}: settled={done} after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal((runs, runs), (Number(answer, "executionMetrics", "totalRuns"), Number(answer, "userMetrics", "dau")));
    }

    private static long? Number(JsonObject answer, string section, string field) => answer[section]?[field]?.GetValue<long>();

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
