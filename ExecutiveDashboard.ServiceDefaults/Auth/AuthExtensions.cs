using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>JWT bearer auth shared by every service: HS256 with <c>Auth:SigningKey</c> (base64) in
    /// development, or an OIDC <c>Auth:Authority</c> in production. 401 and 403 are RFC 7807 problems.</summary>
    public static IHostApplicationBuilder AddDashboardAuth(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
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
                if (options.Authority is null)
                {
                    options.TokenValidationParameters.IssuerSigningKey = DashboardTokens.SigningKey(builder.Configuration);
                    options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
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
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                            "Authentication required", "Send a valid bearer token in the Authorization header.");
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
