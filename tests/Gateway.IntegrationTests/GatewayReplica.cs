using System.Diagnostics;
using ExecutiveDashboard.Platform.WarmUp;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>One real gateway (its own Program, on Kestrel and a real TCP port, as browsers reach it) over the
/// shared Redis and RabbitMQ. It signs and trusts as <paramref name="issuer"/> (the gateway's key in the app) and trusts
/// <see cref="TestIssuer.ServiceOnly"/> for the role <c>service</c>; replicas of one issuer accept the same tokens.
/// <c>settings</c> are any other configuration, by full key (e.g. <c>RateLimiting:Burst</c>); <c>clock</c>, if given, is the
/// replica's time (e.g. a <c>FakeTimeProvider</c> the test moves).</summary>
public sealed class GatewayReplica : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _environment;
    private readonly TimeProvider? _clock;

    public GatewayReplica(string redis, string broker, TestIssuer issuer, IReadOnlyDictionary<string, string>? realtime = null,
        IReadOnlyDictionary<string, string>? settings = null, string environment = "Development", TimeProvider? clock = null)
    {
        _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:redis"] = redis,
            ["ConnectionStrings:rabbitmq"] = broker,
        }.Concat(issuer.SigningSettings).Concat(issuer.TrustSettings).Concat(TestIssuer.ServiceOnly.TrustSettings)
         .Concat((realtime ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create($"Realtime:{s.Key}", s.Value)))
         .Concat(settings ?? new Dictionary<string, string>())
         .ToDictionary();
        _environment = environment;
        _clock = clock;
        UseKestrel(0);
        StartServer();
        WaitUntilWarm();
    }

    /// <summary>The replica's own address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A key pair in the gateway's place: trusted for the roles of development tokens.</summary>
    public static TestIssuer NewIssuer() => new(TokenIssuer.Gateway.KeyId, TokenIssuer.Gateway.MaySign);

    /// <summary>A token; its subject is <c>test-{role}-{workspaces}</c> unless <paramref name="subject"/> names another.</summary>
    public static string Token(TestIssuer issuer, string role, string workspaces, TimeSpan? lifetime = null, string? subject = null) =>
        issuer.Token(role, workspaces, subject ?? $"test-{role}-{workspaces}", lifetime);

    /// <summary>The gateway warms up on its own socket once it listens, and only then reports itself ready (GatewayWarmUp), as
    /// the app model waits for it: a test starts once it is, so the warm-up's requests are over before the test's begin and
    /// nothing the test counts or limits sees them.</summary>
    private void WaitUntilWarm()
    {
        var health = Services.GetRequiredService<WarmUpHealth>();
        var waited = Stopwatch.StartNew();
        while (!health.IsWarm)
        {
            if (waited.Elapsed > WarmUpOptions.DefaultBudget * 2)
            {
                throw new TimeoutException($"The gateway did not end its warm-up within {waited.Elapsed}");
            }
            Thread.Sleep(20);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
