using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Resilience;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.Platform.Messaging;

public static class EventBusExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>The AMQP heartbeat asked of the broker. RabbitMQ's default is 60 s, and a peer is declared dead after two
    /// missed heartbeats: a paused or partitioned broker would go unnoticed for two minutes, its publishes hanging.
    /// At 10 s the connection is dropped within about 20 s and MassTransit starts reconnecting.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>A consumer whose dependency fails (the database, Redis) retries the message in memory, backing off from 1 s
    /// to at most <see cref="ConsumerRetryCap"/>, this many times: about 15 minutes, under RabbitMQ's 30-minute limit for a
    /// delivery left unacknowledged. A longer outage, or a fault of the data itself (<see cref="Faults.IsPermanent"/>, not
    /// retried), sends the message to the endpoint's <c>_error</c> queue, where it is kept.</summary>
    public const int ConsumerRetries = 95;

    public static readonly TimeSpan ConsumerRetryCap = TimeSpan.FromSeconds(10);

    /// <summary>MassTransit over the app model's RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI).
    /// Its health check makes <c>/health</c> report the broker; the service starts answering only once
    /// the bus is connected, so nothing published at start-up is lost. MassTransit reconnects by itself after an
    /// outage; consumers retry (<see cref="ConsumerRetries"/>) and report in <see cref="LoopHealth"/>.</summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        builder.AddPlatform();

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named after the service: two services consuming the same event each get every message.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServiceName(builder), includeNamespace: false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host => host.Heartbeat(Heartbeat));
                var health = new ConsumerHealth(context.GetRequiredService<LoopHealth>());
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(Faults.IsPermanent);
                    retry.Exponential(ConsumerRetries, TimeSpan.FromSeconds(1), ConsumerRetryCap, TimeSpan.FromSeconds(1));
                    retry.ConnectRetryObserver(health);
                });
                rabbit.ConnectConsumeObserver(health);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    private static string ServiceName(IHostApplicationBuilder builder) =>
        builder.Environment.ApplicationName.Replace(".Api", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The transactional outbox (<see cref="Outbox"/>), its table (<c>Migrations/000_outbox*.sql</c>) and its
    /// dispatcher; needs the service's database (<see cref="DatabaseExtensions.AddMigratedDatabase"/>) and the bus.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.AddMigrations(MigrationSet.OwnedBy(typeof(Outbox)));
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
