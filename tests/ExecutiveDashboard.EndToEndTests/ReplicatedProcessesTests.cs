using ExecutiveDashboard.Contracts.Services;
using Xunit.Abstractions;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The replicated app model really runs two of each: the other replicated tests would pass on one process.</summary>
[Collection(ReplicatedDashboardAppCollection.Name)]
public sealed class ReplicatedProcessesTests(ReplicatedDashboardApp app, ITestOutputHelper output)
{
    /// <summary>The orchestrator reports a service healthy once one of its processes is: a replica that failed to start
    /// (two migrators racing to create the database, say) would leave the numbers to the other one alone.</summary>
    [Fact]
    public async Task Every_service_and_the_gateway_run_as_two_healthy_processes()
    {
        var resources = ServiceCatalog.Proxied.Select(s => s.ResourceName).Append(ServiceCatalog.Gateway).ToList();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var processes = await app.ProcessesAsync(resources, replicas: 2, patience.Token);

        output.WriteLine(string.Join("\n", processes.Select(p => $"{p.Key}: {p.Value}")));
        Assert.All(resources, resource => Assert.Equal(2, processes.Values.Count(p => p.Resource == resource)));
        Assert.All(processes.Values, p => Assert.Equal(("Running", "Healthy"), (p.State, p.Health)));
    }
}
