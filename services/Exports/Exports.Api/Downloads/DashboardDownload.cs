using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Limits;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Exports.Telemetry;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Exports.Downloads;

/// <summary>
/// <c>GET /api/exports/dashboard</c>: checks the caller and the query, holds the caller to <see cref="ExportLimits"/>,
/// reads the composed overview with the caller's own token, writes it as the asked format, and records the request in
/// the audit whatever its outcome. No file leaves without its audit record: when the record cannot be written, the
/// answer is a 503 instead of the file.
/// </summary>
public sealed partial class DashboardDownload(
    IDashboardSource source, IEnumerable<IDashboardFile> files, ExportLimits limits, AuditLog audit,
    IAuthorizationService authorization, ExportsMetrics metrics, TimeProvider clock, ILogger<DashboardDownload> logger)
{
    public const string ExportIdHeader = "X-Export-Id";
    public const string Sha256Header = "X-Content-SHA256";

    /// <summary>At most this many card ids, as a saved layout holds.</summary>
    public const int MaxCards = 50;

    private const int CatchUpAttempts = 8;
    private static readonly TimeSpan CatchUpPause = TimeSpan.FromMilliseconds(250);

    private readonly IReadOnlyDictionary<string, IDashboardFile> _files = files.ToDictionary(f => f.Format.Name);

    public async Task<IResult> AnswerAsync(HttpContext context, DownloadQuery query, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var caller = Caller.Of(context);
        var format = ExportFormat.Named(query.Format);
        var entry = new AuditEntry(caller.Subject, caller.Name, caller.Role, caller.Workspaces,
            query.WorkspaceId, query.Timeframe, null, query.Format,
            ExportOutcome.Failed, StatusCodes.Status500InternalServerError, null, null, 0, caller.ClientAddress, caller.UserAgent);

        async Task<IResult> RecordAsync(AuditEntry answered, IResult result, Func<AuditRecord, ExportGenerated>? generated = null)
        {
            answered = answered with { DurationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds };
            metrics.Answered(format?.Name, answered.Outcome);
            try
            {
                var record = await audit.AppendAsync(answered, generated, CancellationToken.None);
                context.Response.Headers[ExportIdHeader] = record.Id.ToString();
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotRecorded(logger, e, answered.Outcome);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export not recorded",
                    detail: "The export could not be written to the audit, so it is not served. Try again in a moment.");
            }
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return await RecordAsync(entry with { Outcome = ExportOutcome.Denied, Status = StatusCodes.Status401Unauthorized },
                TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
                    detail: "Send a valid bearer token in the Authorization header."));
        }
        if (!(await authorization.AuthorizeAsync(context.User, Roles.DashboardPolicy)).Succeeded)
        {
            return await RecordAsync(entry with { Outcome = ExportOutcome.Denied, Status = StatusCodes.Status403Forbidden },
                TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "Exports are for the roles ceo and admin."));
        }

        var errors = new Dictionary<string, string[]>();
        if (format is null)
        {
            errors["format"] = [$"must be one of {string.Join(" or ", ExportFormat.All.Select(f => f.Name))}"];
        }
        var cards = ParseCards(query.Cards, errors);
        var (request, refusal) = OverviewRequest.From(query.WorkspaceId, query.Timeframe, query.AsOf, context.User, clock,
            tz: query.Tz, weekStart: query.WeekStart);
        entry = entry with { AsOf = request?.AsOf };
        if (refusal is ValidationProblem invalid)
        {
            foreach (var (field, messages) in invalid.ProblemDetails.Errors)
            {
                errors[field] = messages;
            }
        }
        if (errors.Count > 0)
        {
            return await RecordAsync(entry with { Outcome = ExportOutcome.Invalid, Status = StatusCodes.Status400BadRequest },
                TypedResults.ValidationProblem(errors, title: "Invalid export request"));
        }
        if (refusal is not null || request is null)
        {
            return await RecordAsync(entry with { Outcome = ExportOutcome.Denied, Status = StatusCodes.Status403Forbidden }, refusal!);
        }
        // "Now" as the overview states it, so that the file names a whole second and its overview may come from the cache.
        var asOf = query.AsOf is null ? OverviewRequest.NowToTheSecond(request.AsOf) : request.AsOf;
        var timeframe = request.Timeframe.ToWire();
        entry = entry with { Scope = request.Scope, Timeframe = timeframe, AsOf = asOf };

        var (lease, retryAfter) = limits.TryStart(caller.LimitKey);
        if (lease is null)
        {
            var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return await RecordAsync(entry with { Outcome = ExportOutcome.Throttled, Status = StatusCodes.Status429TooManyRequests },
                TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many exports",
                    detail: $"At most {ExportLimits.Concurrent} exports at once and {ExportLimits.PerMinute} a minute; try again in {seconds} s."));
        }
        using (lease)
        {
            using var turn = await limits.WaitForTurnAsync(cancellationToken);
            if (!turn.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "1";
                return await RecordAsync(entry with { Outcome = ExportOutcome.Throttled, Status = StatusCodes.Status429TooManyRequests },
                    TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many exports",
                        detail: $"{ExportLimits.MaxWaiting} exports are already waiting; try again in 1 s."));
            }
            ExportDocument document;
            try
            {
                var authorizationHeader = context.Request.Headers.Authorization.ToString();
                var reading = source.ReadOverviewAsync(request.Scope, timeframe, asOf, request.Reader, authorizationHeader, cancellationToken);
                var order = cards is null ? source.ReadCardOrderAsync(authorizationHeader, cancellationToken) : Task.FromResult<IReadOnlyList<string>?>(cards);
                var overview = await reading;
                // A file outlives the moment: sections still folding a backfill (meta.catchingUp) settle within seconds,
                // so the file waits for them a little rather than keep numbers that are about to grow.
                for (var attempt = 0; overview.Meta.CatchingUp.Count > 0 && attempt < CatchUpAttempts; attempt++)
                {
                    await Task.Delay(CatchUpPause, cancellationToken);
                    overview = await source.ReadOverviewAsync(request.Scope, timeframe, asOf, request.Reader, authorizationHeader, cancellationToken);
                }
                document = new ExportDocument(overview, request.Scope, clock.GetUtcNow().UtcDateTime, caller.DisplayName, await order ?? [],
                    request.Reader);
            }
            catch (DashboardSourceException e)
            {
                var (outcome, status) = e.Status switch
                {
                    StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => (ExportOutcome.Denied, e.Status),
                    StatusCodes.Status429TooManyRequests => (ExportOutcome.Throttled, e.Status),
                    StatusCodes.Status503ServiceUnavailable => (ExportOutcome.Failed, e.Status),
                    _ => (ExportOutcome.Failed, StatusCodes.Status502BadGateway),
                };
                LogSourceFailed(logger, e, e.Status);
                return await RecordAsync(entry with { Outcome = outcome, Status = status },
                    TypedResults.Problem(statusCode: status, title: "The dashboard could not be read",
                        detail: "The gateway did not give the overview for this export."));
            }

            var body = new MemoryStream();
            var rendering = Stopwatch.StartNew();
            try
            {
                using var span = ExportsMetrics.StartRender(format!.Name);
                _files[format.Name].Write(document, body);
            }
            catch (Exception e)
            {
                LogRenderFailed(logger, e, format!.Name);
                return await RecordAsync(entry,
                    TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The file could not be written"));
            }
            metrics.Rendered(format.Name, rendering.Elapsed);
            var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));

            // A section the overview could not fetch is marked missing in the file: the file is served, and the audit
            // says it is not the whole dashboard.
            var whole = document.Overview.Meta.Degraded.Count == 0;
            var served = entry with
            {
                Outcome = whole ? ExportOutcome.Ok : ExportOutcome.Failed,
                Status = StatusCodes.Status200OK,
                Bytes = bytes.Length,
                Sha256 = sha256,
            };
            var name = ExportFileName.Of(request.Scope, timeframe, asOf, format);
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            context.Response.Headers[Sha256Header] = sha256;
            var answer = await RecordAsync(served, TypedResults.Bytes(bytes, format.ContentType), whole
                ? record => new ExportGenerated(record.Id, caller.Subject ?? caller.DisplayName, caller.DisplayName, request.Scope,
                    timeframe, asOf, format.Name, bytes.Length, sha256, record.At)
                : null);
            if (answer is not FileContentHttpResult)
            {
                context.Response.Headers.Remove(Sha256Header);
                context.Response.Headers.ContentDisposition = default;
            }
            return answer;
        }
    }

    /// <returns>The ids in order, or null when none were given; an error under <c>cards</c> when malformed.</returns>
    private static List<string>? ParseCards(string? cards, Dictionary<string, string[]> errors)
    {
        if (cards is null)
        {
            return null;
        }
        var ids = cards.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > MaxCards || !ids.All(id => CardId().IsMatch(id)) || ids.Distinct().Count() != ids.Length)
        {
            errors["cards"] = [$"must be at most {MaxCards} distinct card ids (letters, digits, - or _; at most 40 each), comma-separated"];
            return null;
        }
        return [.. ids];
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex CardId();

    [LoggerMessage(Level = LogLevel.Error, Message = "An export answered '{Outcome}' could not be recorded in the audit")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Format} export could not be written")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, string format);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overview of an export could not be read: the gateway answered {Status}")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, int status);
}
