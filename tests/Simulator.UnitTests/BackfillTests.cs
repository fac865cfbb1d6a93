using System.Net;
using System.Text;
using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutiveDashboard.Simulator.UnitTests;

public sealed class BackfillTests
{
    private static readonly PlatformSimulation Simulation = new(new SimulationOptions
    {
        End = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
        Days = 20,
        Workspaces = 30,
        Users = 300,
        Runs = 4_500,
        UserActiveEvents = 1_500,
    });

    [Fact]
    public async Task Sends_every_event_once_in_time_order_per_stream_and_the_last_runs_after_everything_else()
    {
        var gateway = new FakeGateway();
        var first = true;
        gateway.Override = _ =>
        {
            if (!first)
            {
                return null;
            }
            first = false;
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return limited;
        };
        var progress = new BackfillProgress(Simulation.CountOf);

        await new BackfillSender(Client(gateway), parallel: 1, batchSize: 1_000).RunAsync(Simulation, progress, CancellationToken.None);

        var batches = gateway.Batches.ToList();
        Assert.All(batches, b => Assert.InRange(b.Events.Count, 1, 1_000));
        foreach (var stream in Enum.GetValues<EventStream>())
        {
            var path = $"/api/{PlatformEvent.ServiceOf(stream)}/events";
            var sent = batches.Where(b => b.Path == path).SelectMany(b => b.Events).ToList();
            Assert.Equal(Simulation.Events(stream).Select(e => e.EventId), sent.Select(e => e.Id));
            Assert.Equal(sent.Select(e => e.At).Order(), sent.Select(e => e.At));
            Assert.Equal(Simulation.CountOf(stream), progress.Of(stream).Sent);
        }
        Assert.Equal("/api/executions/events", batches[^1].Path);
        Assert.Equal(progress.Total, progress.Accepted);
    }

    [Fact]
    public async Task A_refused_batch_stops_the_backfill_with_the_services_answer()
    {
        var gateway = new FakeGateway
        {
            Override = r => r.RequestUri!.AbsolutePath.Contains("billing")
                ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"errors":{"[3].amount":["bad"]}}""") }
                : null,
        };
        var error = await Assert.ThrowsAsync<IngestRefusedException>(() =>
            new BackfillSender(Client(gateway), parallel: 2, batchSize: 500).RunAsync(Simulation, new BackfillProgress(Simulation.CountOf), CancellationToken.None));
        Assert.Contains("[3].amount", error.Message);
        Assert.DoesNotContain(gateway.Batches, b => b.Path == "/api/billing/events");
    }

    [Theory]
    [InlineData(4_500, """[]""", true)]
    [InlineData(5_000, """[]""", true)]
    [InlineData(120, """[]""", false)]
    [InlineData(0, """["executionMetrics"]""", false)]
    public async Task The_backfill_is_skipped_when_the_platform_holds_its_runs(long stored, string catchingUp, bool done)
    {
        var gateway = new FakeGateway
        {
            Override = _ => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$$"""{"executionMetrics":{"totalRuns":{{{stored}}}},"meta":{"catchingUp":{{{catchingUp}}}}}""", Encoding.UTF8, "application/json"),
            },
        };
        var check = new BackfillCheck(gateway.Client(), NullLogger.Instance);
        Assert.Equal(done, await check.IsDoneAsync("reader", 4_500, CancellationToken.None));
        Assert.False(await check.IsDoneAsync(readerToken: null, 4_500, CancellationToken.None));
    }

    private static IngestClient Client(FakeGateway gateway)
    {
        var http = gateway.Client();
        return new IngestClient(http, new GatewayTokens(http, issueDevTokens: false, "ingest-token", readerToken: null), TimeProvider.System);
    }
}
