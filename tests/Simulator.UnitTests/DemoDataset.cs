using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>The demo's dataset (default sizes, seed 42), generated once for the tests of this assembly.</summary>
public sealed class DemoDataset
{
    public static readonly DateTime End = new(2026, 11, 30, 14, 23, 5, 123, DateTimeKind.Utc);

    public DemoDataset()
    {
        Simulation = new PlatformSimulation(new SimulationOptions { End = End });
        Users = [.. Simulation.UserEvents()];
        Executions = [.. Simulation.ExecutionEvents()];
        Billing = [.. Simulation.BillingEvents()];
    }

    public PlatformSimulation Simulation { get; }

    public IReadOnlyList<PlatformEvent> Users { get; }

    public IReadOnlyList<PlatformEvent> Executions { get; }

    public IReadOnlyList<PlatformEvent> Billing { get; }

    public IEnumerable<PlatformEvent> All => Users.Concat(Executions).Concat(Billing);

    public IEnumerable<RunCompleted> Runs => Executions.OfType<RunCompleted>();
}

[CollectionDefinition(Name)]
public sealed class DemoDatasetCollection : ICollectionFixture<DemoDataset>
{
    public const string Name = "demo-dataset";
}
