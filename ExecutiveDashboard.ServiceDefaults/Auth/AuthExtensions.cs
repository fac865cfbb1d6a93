using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer auth shared by every service: ES256 tokens of the dashboard's own issuers, each key trusted
    /// for its roles only (<see cref="TokenKeys"/>, checked here, at start), or an OIDC <c>Auth:Authority</c> in
    /// production. Every token is held to <see cref="TokenRules"/>. 401 and 403 are RFC 7807 problems.</summary>
    public static IHostApplicationBuilder AddDashboardAuth(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var keys = string.IsNullOrEmpty(auth["Authority"]) ? TokenKeys.From(builder.Configuration) : TokenKeys.None;
        builder.Services.AddSingleton(keys);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = auth["Authority"];
                options.Audience = auth["Audience"] ?? DashboardTokens.Audience;
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = Roles.NameClaim,
                    RoleClaimType = Roles.RoleClaim,
                    ValidIssuer = auth["Issuer"] ?? DashboardTokens.Issuer,
                    ValidAudience = auth["Audience"] ?? DashboardTokens.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (keys.Trusted.Count > 0)
                {
                    options.TokenValidationParameters.IssuerSigningKeys = keys.Trusted.Values.Select(k => k.Key);
                    // The key named by the token's kid or none: which key verified a token decides the roles it may carry.
                    options.TokenValidationParameters.TryAllIssuerSigningKeys = false;
                    options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256];
                }
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket: the real-time endpoint takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/ws")
                            && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        if (TokenRules.Refusal(context.SecurityToken, context.Principal!, keys) is { } refusal)
                        {
                            context.Fail(refusal);
                        }
                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        // Only TokenRules' own reasons are told (Fail(string) raises this type); the token handler's
                        // messages describe the validation internals.
                        var detail = context.AuthenticateFailure is AuthenticationFailureException refused
                            ? refused.Message
                            : "Send a valid bearer token in the Authorization header.";
                        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required", detail);
                    },
                    OnForbidden = context => Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                        "Forbidden", "The token's role does not allow this request."),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.DashboardPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Ceo, Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Ingest))
            .AddPolicy(Roles.SignalsPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Ceo, Roles.Admin, Roles.Service));
        return builder;
    }
}
