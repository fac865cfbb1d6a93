using System.Net;
using System.Text.Json.Nodes;

namespace Executions.IntegrationTests;

/// <summary>Two instances of the executions service over one database, as two replicas run.</summary>
public abstract class TwoReplicas(PostgresFixture postgres) : IAsyncLifetime
{
    protected ExecutionsService One { get; private set; } = null!;

    protected ExecutionsService Two { get; private set; } = null!;

    public Task InitializeAsync()
    {
        One = postgres.NewService();
        Two = postgres.Restart(One);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
    }

    protected static async Task IngestAsync(ExecutionsService replica, params JsonNode[] events)
    {
        using var response = await replica.Ingest.PostAsync("/api/executions/events", Batch(events));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
