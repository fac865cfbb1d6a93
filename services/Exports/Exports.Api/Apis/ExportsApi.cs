using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Exports.Downloads;

namespace ExecutiveDashboard.Exports.Apis;

public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        // Anonymous at the door: the download checks the token itself, so that a refused request is recorded in the
        // audit like any other.
        app.MapGet($"{ServiceCatalog.Exports.RoutePrefix}/dashboard", (HttpContext context, DashboardDownload download, [AsParameters] DownloadQuery query,
                CancellationToken cancellationToken) => download.AnswerAsync(context, query, cancellationToken))
            .AllowAnonymous()
            .WithTags("Exports")
            .WithName("ExportDashboard")
            .WithSummary("The dashboard of a scope, a timeframe and an optional asOf as a PDF or a CSV file, recorded in the audit")
            .WithDescription("Reads the composed overview with the caller's token. Answers the file with Content-Disposition, " +
                "X-Export-Id (the audit record) and X-Content-SHA256; 429 with Retry-After beyond 2 exports at once or 10 a minute.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["text/csv"])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
