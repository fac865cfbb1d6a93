using System.Net;
using System.Net.Sockets;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Exports.Telemetry;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Exports.IntegrationTests.Digests;

/// <summary>An SMTP server that cannot be reached: a port nothing listens on.</summary>
[Collection(DigestsCollection.Name)]
public sealed class DigestRetryTests(ExportsServersFixture servers, SmtpServer smtp) : DigestTests(servers, smtp)
{
    private readonly int _closedPort = ClosedPort();

    protected override string SmtpConnection => $"smtp://127.0.0.1:{_closedPort}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service.Settings["Digests:MaxAttempts"] = "3";
        Service.Settings["Digests:RetryDelay"] = "00:01:00";
    }

    /// <summary>A port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_send_to_an_unreachable_server_is_retried_with_backoff_then_reported_failed()
    {
        var dana = Person("u_dana", "ws_1");
        var due = (await SaveAsync(dana, Body(Daily("ws_1", Email("dana"))))).Digests.Single().NextDueAt;
        using var sends = new MetricCollector<long>(Service.Services.GetRequiredService<IMeterFactory>(), ExportsMetrics.MeterName, DigestMetrics.SendsInstrument);

        Assert.Equal(1, await RunAtAsync(due.AddSeconds(1)));
        var first = Assert.Single((await ListAsync(dana)).Digests).LastSend!;
        Assert.Equal((DigestSendStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.NotNull(first.Reason);

        // The second attempt waits a minute after the first failure, the third two minutes after the second.
        Assert.Equal(0, await RunAtAsync(due.AddSeconds(60)));
        Assert.Equal(1, await RunAtAsync(due.AddSeconds(62)));
        Assert.Equal(0, await RunAtAsync(due.AddSeconds(62 + 119)));
        Assert.Equal(1, await RunAtAsync(due.AddSeconds(62 + 121)));

        var last = Assert.Single((await ListAsync(dana)).Digests).LastSend!;
        Assert.Equal((DigestSendStatus.Failed, 3), (last.Status, last.Attempts));
        Assert.Contains("Exception", last.Reason);
        Assert.Equal(0, await RunAtAsync(due.AddHours(1)));

        Assert.Equal(["retried", "retried", "failed"], sends.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        // One PDF, one audit record, whatever the attempts.
        Assert.Equal(1, await Service.ScalarAsync($"SELECT count(*) FROM export_audit WHERE channel = '{ExportChannel.Digest}'"));
    }
}
