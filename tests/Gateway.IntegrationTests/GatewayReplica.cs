using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>One real gateway (its own Program, on Kestrel and a real TCP port, as browsers reach it) over the
/// shared Redis and RabbitMQ. Replicas built with the same signing key accept the same tokens. <c>settings</c> are
/// any other configuration, by full key (e.g. <c>RateLimiting:Burst</c>).</summary>
public sealed class GatewayReplica : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public GatewayReplica(string redis, string broker, string signingKey, IReadOnlyDictionary<string, string>? realtime = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:redis"] = redis,
            ["ConnectionStrings:rabbitmq"] = broker,
            ["Auth:SigningKey"] = signingKey,
        }.Concat((realtime ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create($"Realtime:{s.Key}", s.Value)))
         .Concat(settings ?? new Dictionary<string, string>())
         .ToDictionary();
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The replica's own address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A token; its subject is <c>test-{role}-{workspaces}</c> unless <paramref name="subject"/> names another.</summary>
    public static string Token(string signingKey, string role, string workspaces, TimeSpan? lifetime = null, string? subject = null) =>
        DashboardTokens.Create(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), subject ?? $"test-{role}-{workspaces}", "Test",
            role, workspaces, DateTime.UtcNow, lifetime ?? TimeSpan.FromHours(1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
