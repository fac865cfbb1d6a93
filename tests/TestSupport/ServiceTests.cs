using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A test class whose every test has a service of its own over a database nobody else uses, so that no test sees another's
/// events. A class that sends its events before each test overrides <see cref="InitializeAsync"/> and awaits the base first;
/// one whose tests only read a large data set seeds it once in a class fixture instead (see <see cref="SeededService{TService}"/>).
/// </summary>
public abstract class ServiceTests<TService>(ServersFixture<TService> servers) : IAsyncLifetime
    where TService : IServiceUnderTest
{
    /// <summary>The servers of the test run, for a second service, a restart or a database of the test's own.</summary>
    protected ServersFixture<TService> Servers { get; } = servers;

    /// <summary>This test's service.</summary>
    protected TService Service { get; private set; } = default!;

    public virtual Task InitializeAsync()
    {
        Service = Servers.NewService();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Service.DisposeAsync().AsTask();
}
