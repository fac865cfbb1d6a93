using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service of the dashboard shares: telemetry, health, service discovery,
/// resilient HTTP clients, RFC 7807 problems (also for requests that cannot be bound), and the JWT rules.</summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.AddRequestValidation();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.AddDashboardAuth();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("ExecutiveDashboard.*", "MassTransit"))
            .WithTracing(tracing => tracing
                .SetSampler(IngestMessageSampler.ForEveryService(TimeProvider.System))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("ExecutiveDashboard.*")
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath) && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>The whole pipeline of a service behind the gateway: <see cref="UseDefaultAuthentication"/>, then
    /// <see cref="UseDefaultAuthorization"/>, then the health endpoints.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseDefaultAuthentication();
        app.UseDefaultAuthorization();
        return app.MapHealthEndpoints();
    }

    /// <summary>RFC 7807 problems for every failure, then who the caller is. Authentication only sets the user and
    /// refuses nobody: authorization does that. The gateway limits requests between the two, so that a caller with
    /// no valid token is limited by its address before it is refused, and the limits cover failing requests too.</summary>
    public static WebApplication UseDefaultAuthentication(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        return app;
    }

    /// <summary>Authorization, then the rules every request is held to whatever its endpoint (no query parameter
    /// twice): after authorization, so that a caller without a valid token learns nothing about its query.</summary>
    public static WebApplication UseDefaultAuthorization(this WebApplication app)
    {
        app.UseAuthorization();
        app.UseRequestValidation();
        return app;
    }

    /// <summary><c>/alive</c>: the process answers. <c>/health</c>: it is ready, every check registered passing: those of
    /// its dependencies (database, broker, cache) and, in a service on the platform, its background loops.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }
}
