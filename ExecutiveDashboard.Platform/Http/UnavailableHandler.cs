using System.Globalization;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExecutiveDashboard.Platform.Http;

/// <summary>
/// A request that failed because the service's database did not answer (an outage, a timeout, a dropped connection) is
/// nobody's mistake and will pass later: a <c>503</c> problem with <c>Retry-After</c>, which senders retry as they
/// retry a <c>429</c>, instead of a <c>500</c> that reads as a bug. Ingest is idempotent, so a batch sent again after
/// such an answer is counted once whether or not it had been stored.
/// </summary>
public sealed partial class UnavailableHandler(ILogger<UnavailableHandler> logger) : IExceptionHandler
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception) || httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        LogUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(httpContext, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service unavailable",
            Detail = $"The service's database did not answer. Retry after {RetryAfter.TotalSeconds:0} s; a batch of events sent again is counted once.",
        });
        return true;
    }

    /// <summary>A database that did not answer, not one that refused a value (<see cref="Faults.IsRefusedData"/>).</summary>
    private static bool IsOutage(Exception exception) => exception switch
    {
        NpgsqlException e when !Faults.IsRefusedData(e) => e is not PostgresException || e.IsTransient,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };

    [LoggerMessage(LogLevel.Warning, "Answered 503 to {Method} {Path}: the database did not answer")]
    private partial void LogUnavailable(Exception exception, string method, string path);
}
