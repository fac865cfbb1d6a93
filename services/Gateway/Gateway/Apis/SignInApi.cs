using ExecutiveDashboard.Gateway.Model;

namespace ExecutiveDashboard.Gateway.Apis;

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
