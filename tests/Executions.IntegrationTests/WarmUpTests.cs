using System.Net;
using ExecutiveDashboard.Platform.WarmUp;
using ExecutiveDashboard.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// The service answers <c>/alive</c> at once but reports itself ready (<c>/health</c>, what the app model's WaitFor and a
/// load balancer ask) only once its warm-ups have run: here its own reads of the platform, against its real database,
/// and one more that the test holds until it lets it go.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class WarmUpTests(ExecutionsServersFixture servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_service_is_not_ready_until_its_warm_up_has_run()
    {
        var held = new HeldWarmUp();
        await using var service = servers.NewService();
        await using var started = service.WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<IWarmUp>(held)));
        using var client = started.CreateClient();
        await held.Started.WaitAsync(Patience);

        using (var alive = await client.GetAsync("/alive"))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        using (var ready = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        held.Release();
        await Poll.UntilHealthyAsync(client, Patience);
        var report = await started.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == WarmUpHealth.Name);
        Assert.Equal((HealthStatus.Healthy, "warm"), (report.Entries[WarmUpHealth.Name].Status, report.Entries[WarmUpHealth.Name].Description));
    }

    /// <summary>A warm-up that runs until the test lets it go.</summary>
    private sealed class HeldWarmUp : IWarmUp
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _gate.SetResult();

        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }
    }
}
