using ExecutiveDashboard.TestSupport;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>Real Redis and RabbitMQ for the whole class, and a bus that publishes integration events as the
/// services do (same message types, same exchanges).</summary>
public sealed class RedisAndRabbitMqFixture : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private RabbitMqServer _rabbitMq = null!;
    private IBusControl _bus = null!;

    public string Redis => _redis.ConnectionString;

    public string Broker => _rabbitMq.ConnectionString;

    public IBus Bus => _bus;

    public async Task InitializeAsync()
    {
        var redis = RedisServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        (_redis, _rabbitMq) = (await redis, await rabbitMq);
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(Broker)));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _redis.DisposeAsync();
        await _rabbitMq.DisposeAsync();
    }
}
