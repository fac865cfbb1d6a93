namespace ExecutiveDashboard.Gateway.Apis;

/// <param name="Mode"><c>oidc</c> (a configured <c>Auth:Authority</c>), <c>development</c> (the dev-token form) or
/// <c>none</c> (production without an authority: nobody can sign in, and the page says so).</param>
/// <param name="ClientId">The page's public client at the authority (<c>Auth:ClientId</c>); it signs in with the
/// authorization code flow and PKCE, so it holds no secret.</param>
public sealed record SignInOptions(string Mode, string? Authority = null, string? ClientId = null, string? Scope = null);

/// <summary>How the web page signs people in, read before anyone has a token.</summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/auth/config", GetOptions)
            .AllowAnonymous()
            .WithTags("Sign-in")
            .WithName("GetSignInOptions")
            .WithSummary("How the page signs in: an OIDC authority, the development form, or none")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static SignInOptions GetOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection("Auth");
        return auth["Authority"] is { Length: > 0 } authority
            ? new SignInOptions("oidc", authority, auth["ClientId"], auth["Scope"] ?? "openid profile")
            : new SignInOptions(environment.IsDevelopment() ? "development" : "none");
    }
}
