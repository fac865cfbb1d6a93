namespace ExecutiveDashboard.TestSupport;

/// <summary>The hostile-parameter table against one service: its overview and its earliest-event read by default.</summary>
public abstract class ServiceHostileInputTable<TService>(ServersFixture<TService> servers) : HostileInputTable, Xunit.IAsyncLifetime
    where TService : IServiceUnderTest
{
    private HttpClient _reader = null!;

    protected TService Service { get; private set; } = default!;

    protected override HttpClient Reader => _reader;

    protected override IReadOnlyList<string> Reads => [$"{Service.ApiPrefix}/overview", $"{Service.ApiPrefix}/earliest"];

    public Task InitializeAsync()
    {
        Service = servers.NewService();
        _reader = Service.Ceo;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        await Service.DisposeAsync();
    }
}
