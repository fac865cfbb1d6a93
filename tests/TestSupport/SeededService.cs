using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A class fixture: one service over a database of its own, seeded once for every test of a class. Sending thousands of events
/// is the expensive part of such a class, and its tests only read them; a test that writes uses a service of its own.
/// </summary>
public abstract class SeededService<TService>(ServersFixture<TService> servers) : IAsyncLifetime
    where TService : IServiceUnderTest
{
    /// <summary>The seeded service.</summary>
    public TService Service { get; private set; } = default!;

    /// <summary>Sends the data set to <paramref name="service"/>, checking that every batch was accepted.</summary>
    protected abstract Task SeedAsync(TService service);

    public async Task InitializeAsync()
    {
        Service = servers.NewService();
        await SeedAsync(Service);
    }

    public Task DisposeAsync() => Service.DisposeAsync().AsTask();
}
