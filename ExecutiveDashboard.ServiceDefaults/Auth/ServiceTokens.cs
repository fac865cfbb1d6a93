using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>
/// The token a service sends when it calls another service on its own behalf (a timer, a consumer), not for a
/// caller whose token it could forward. It is signed with the same <c>Auth:SigningKey</c> the app host hands
/// every service, so no secret is added; its role <see cref="Roles.Service"/> cannot be issued by the dev-token
/// endpoint and opens only the endpoints that name <see cref="Roles.SignalsPolicy"/>. Tokens live 10 minutes and
/// are renewed when half of that is left. With an OIDC <c>Auth:Authority</c> there is no key to sign with: such a
/// deployment must give the service client credentials of the authority instead (not built yet).
/// </summary>
public sealed class ServiceTokens(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
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
            if (!string.IsNullOrEmpty(configuration["Auth:Authority"]))
            {
                throw new InvalidOperationException(
                    "Service-to-service calls sign their own token with Auth:SigningKey; with Auth:Authority set, give the service client credentials instead.");
            }
            var service = environment.ApplicationName;
            var token = DashboardTokens.Create(DashboardTokens.SigningKey(configuration), $"service:{service}", service,
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
