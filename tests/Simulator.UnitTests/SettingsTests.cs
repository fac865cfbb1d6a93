using ExecutiveDashboard.Simulator.Extensions;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>The worker's section binds the dataset and the live traffic to the generator's own options.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void The_simulator_section_sets_the_dataset_and_the_live_traffic_and_the_rest_keeps_the_generators_defaults()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Seed"] = "7",
            ["Simulator:Runs"] = "60000",
            ["Simulator:Parallel"] = "3",
            ["Simulator:Live:Interval"] = "00:00:02",
            ["Simulator:Live:RunsPerSecond"] = "0.5",
        });
        builder.AddApplicationServices();
        using var services = builder.Services.BuildServiceProvider();

        var dataset = services.GetRequiredService<SimulationOptions>();
        var defaults = new SimulationOptions { End = default };
        Assert.Equal(defaults with { Seed = 7, Runs = 60_000 }, dataset);

        var live = services.GetRequiredService<LiveOptions>();
        Assert.Equal(new LiveOptions { RunsPerSecond = 0.5 }, live);
    }
}
