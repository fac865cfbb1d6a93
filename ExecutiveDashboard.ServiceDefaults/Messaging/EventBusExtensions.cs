using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.Messaging;

public static class EventBusExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>MassTransit over the app model's RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI).
    /// Its health check makes <c>/health</c> report the broker; the service starts answering only once
    /// the bus is connected, so nothing published at start-up is lost.</summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named after the service: two services consuming the same event each get every message.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(ServiceName(builder), includeNamespace: false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
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

    /// <summary>The transactional outbox (<see cref="Outbox"/>), its dispatcher, and the ingest transaction
    /// that writes to it; needs the service's database (<c>AddMigratedDatabase</c>, which creates the outbox
    /// table) and the bus.</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<Ingest.IngestTransaction>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
