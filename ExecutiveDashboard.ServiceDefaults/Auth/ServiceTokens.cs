using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>
/// The token a service sends when it calls another service on its own behalf (a timer, a consumer), not for a
/// caller whose token it could forward. It is signed with the service's own private key (<c>Auth:SigningKey</c>,
/// which only that service holds; <see cref="TokenIssuer.Alerts"/>), and every other service trusts that key for the
/// role <see cref="Roles.Service"/> alone, which opens only the endpoints that name <see cref="Roles.SignalsPolicy"/>.
/// Tokens live 10 minutes (services may hold theirs at most <see cref="TokenRules.MaxServiceLifetime"/>) and are
/// renewed when half of that is left. With an OIDC <c>Auth:Authority</c> the services do not trust the app's own
/// keys: such a deployment must give the service client credentials of the authority instead (not built yet).
/// </summary>
public sealed class ServiceTokens(TokenKeys keys, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private (string Token, DateTime RenewAt)? _current;

    public string Current()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (_current is { } current && now < current.RenewAt)
            {
                return current.Token;
            }
            var service = environment.ApplicationName;
            var key = keys.Signing ?? throw new InvalidOperationException(
                $"{service} calls other services with a token it signs itself, but has no {TokenKeys.SigningKeySetting} "
                + "(with Auth:Authority set, the app's own keys are not used: give it client credentials of the authority instead).");
            var token = DashboardTokens.Create(key, $"service:{service}", service,
                Roles.Service, WorkspaceAccess.Everything, now, Lifetime);
            _current = (token, now + Lifetime / 2);
            return token;
        }
    }
}

/// <summary>Puts the service's own token on every request of an HTTP client.</summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Current());
        return base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceTokenExtensions
{
    /// <summary>The client calls with the service's own token (<see cref="ServiceTokens"/>).</summary>
    public static IHttpClientBuilder AddServiceToken(this IHttpClientBuilder client)
    {
        client.Services.AddSingleton<ServiceTokens>();
        client.Services.AddTransient<ServiceTokenHandler>();
        return client.AddHttpMessageHandler<ServiceTokenHandler>();
    }
}
