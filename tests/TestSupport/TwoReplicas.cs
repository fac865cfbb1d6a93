using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>Two instances of one service over one database, as two replicas run.</summary>
public abstract class TwoReplicas<TService>(ServersFixture<TService> servers) : IAsyncLifetime
    where TService : IServiceUnderTest
{
    protected TService One { get; private set; } = default!;

    protected TService Two { get; private set; } = default!;

    public Task InitializeAsync()
    {
        One = servers.NewService();
        Two = servers.Replica(One);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
    }

    protected static async Task IngestAsync(TService replica, params JsonNode[] events)
    {
        using var response = await replica.Ingest.PostAsync($"{replica.ApiPrefix}/events", IngestJson.Batch(events));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
