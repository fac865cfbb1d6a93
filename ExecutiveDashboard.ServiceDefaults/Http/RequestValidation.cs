using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.Http;

/// <summary>
/// What every service refuses before an endpoint runs, in every environment, each as an RFC 7807 4xx problem: bodies
/// that cannot be bound (<see cref="BadRequestHandler"/>), JSON nested deeper than <see cref="MaxJsonDepth"/>, and a query
/// parameter given twice (<see cref="RepeatedQueryParameters"/>). The values themselves are each endpoint's to check.
/// </summary>
public static class RequestValidation
{
    /// <summary>No body of this API nests more than a few levels; deeper JSON is only a way to make a parser work.</summary>
    public const int MaxJsonDepth = 32;

    public static IHostApplicationBuilder AddRequestValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.MaxDepth = MaxJsonDepth);
        // Minimal APIs throw binding failures only in Development by default, and elsewhere answer a bare 400; throwing
        // everywhere sends every environment through the same handler and the same problem.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        return builder;
    }

    /// <summary>After authentication, so an unauthenticated caller learns nothing of the rules beyond its 401.</summary>
    public static IApplicationBuilder UseRequestValidation(this IApplicationBuilder app) => app.Use(RepeatedQueryParameters.RefuseAsync);
}
