using System.Collections.Concurrent;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Platform.Resilience;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// Sends the digests that are due, on every replica (<see cref="BackgroundLoop"/>, every <see cref="DigestOptions.PollInterval"/>).
/// A round schedules what is due and claims sends with a lease (<see cref="DigestStore"/>), so each send is attempted by
/// one replica at a time and recorded sent once. For each: the scope is checked against the holder's stored grants
/// (not granted any more: <see cref="DigestSendStatus.Skipped"/>), the content is read with a token of exactly those
/// grants (<see cref="DigestTokens"/>) and rendered once per <see cref="DigestKey"/> in the round, the PDF is recorded
/// in the exports audit (channel <c>digest</c>, once per send, before it leaves), and the mail goes to the SMTP server.
/// A failed attempt is tried again after <see cref="DigestOptions.RetryDelay"/>, doubling, up to
/// <see cref="DigestOptions.MaxAttempts"/>; then the send is <see cref="DigestSendStatus.Failed"/>, logged as an error
/// and counted, and GET shows it with its reason.
/// </summary>
public sealed partial class DigestSender(
    DigestStore store, DigestContents contents, DigestTokens tokens, IDigestMailer mailer, AuditLog audit, DigestMetrics metrics,
    BackgroundLoop loop, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestSender> logger) : BackgroundService
{
    public const string LoopName = "digests";

    private const int ScheduleBatch = 500;
    private const int ClaimBatch = 64;

    /// <summary>How much of a failure's message the send record keeps.</summary>
    private const int MaxReasonLength = 500;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.SenderEnabled
        ? loop.RunAsync(LoopName, async ct => await RunOnceAsync(ct), ct => Task.Delay(options.Value.PollInterval, ct), stoppingToken)
        : Task.CompletedTask;

    /// <summary>One round: schedules every digest due now, then attempts every send whose attempt is due.</summary>
    /// <returns>The sends attempted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await store.ScheduleDueAsync(Now(), ScheduleBatch, cancellationToken) == ScheduleBatch)
        {
        }
        var round = new ConcurrentDictionary<DigestKey, Lazy<Task<DigestContent>>>();
        var attempted = 0;
        while (true)
        {
            var now = Now();
            var claimed = await store.ClaimAsync(now, now + Duration.FromTimeSpan(options.Value.Lease), ClaimBatch, cancellationToken);
            if (claimed.Count == 0)
            {
                return attempted;
            }
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
                async (send, ct) => await AttemptAsync(send, round, ct));
            attempted += claimed.Count;
        }
    }

    private async Task AttemptAsync(ClaimedSend send, ConcurrentDictionary<DigestKey, Lazy<Task<DigestContent>>> round, CancellationToken cancellationToken)
    {
        var digest = send.Digest;
        if (!digest.Holder.Shows(digest.Settings.Scope))
        {
            var reason = digest.Settings.Scope == Scopes.Platform
                ? "Not sent: the whole platform ('all') needs the workspaces '*', which your latest token does not grant."
                : $"Not sent: your latest token does not grant workspace '{digest.Settings.Scope}'.";
            await SkipAsync(send, reason);
            return;
        }
        if (clock.GetUtcNow().UtcDateTime - digest.GrantsSeenAt > options.Value.GrantsValidFor)
        {
            await SkipAsync(send, $"Not sent: your access was last confirmed on {digest.GrantsSeenAt:yyyy-MM-dd}. Open the dashboard to confirm it again.");
            return;
        }
        try
        {
            var key = new DigestKey(digest.Settings.Scope, DigestCadence.TimeframeOf(digest.Settings.Cadence), send.DueAt, digest.Settings.TimeZone);
            var authorization = tokens.AuthorizationFor(digest.Holder);
            // Shared with the round's other digests of the same key: their holders' grants show the scope too (checked above).
            var content = await round.GetOrAdd(key, k => new Lazy<Task<DigestContent>>(() => contents.ReadAsync(k, authorization, cancellationToken))).Value;
            if (send.ExportId is null)
            {
                var record = await audit.AppendAsync(Entry(digest, content), CancellationToken.None);
                await store.SetExportAsync(send, record.Id, CancellationToken.None);
            }
            await mailer.SendAsync(DigestMail.Compose(digest, send.DueAt, content, options.Value), cancellationToken);
            await store.MarkSentAsync(send, Now(), CancellationToken.None);
            metrics.Attempted(DigestSendStatus.Sent);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Reason(e);
            if (send.Attempt >= options.Value.MaxAttempts)
            {
                await store.MarkEndedAsync(send, DigestSendStatus.Failed, reason, CancellationToken.None);
                metrics.Attempted(DigestSendStatus.Failed);
                LogFailed(logger, e, digest.Id, send.DueAt, send.Attempt);
                return;
            }
            var delay = new Backoff(options.Value.RetryDelay, options.Value.RetryDelay * 64).Step(send.Attempt);
            await store.MarkRetryAsync(send, Now() + Duration.FromTimeSpan(delay), reason, CancellationToken.None);
            metrics.Attempted("retried");
            LogRetry(logger, e, digest.Id, send.DueAt, send.Attempt, delay);
        }
    }

    private async Task SkipAsync(ClaimedSend send, string reason)
    {
        await store.MarkEndedAsync(send, DigestSendStatus.Skipped, reason, CancellationToken.None);
        metrics.Attempted(DigestSendStatus.Skipped);
        LogSkipped(logger, send.Digest.Id, send.DueAt);
    }

    /// <summary>The audit's record of a digest's PDF: the holder as the caller, no client address or user agent.</summary>
    private AuditEntry Entry(DigestRow digest, DigestContent content) => new(
        digest.Holder.Subject, digest.Holder.Name, digest.Holder.Role, digest.Holder.Grants, digest.Settings.Scope, content.Key.Timeframe,
        content.Key.AsOf, ExportFormat.Pdf.Name,
        content.Overview.Meta.Degraded.Count == 0 ? ExportOutcome.Ok : ExportOutcome.Failed, StatusCodes.Status200OK,
        content.Pdf.Length, content.Sha256, (long)content.RenderTime.TotalMilliseconds, null, null, ExportChannel.Digest);

    private static string Reason(Exception e)
    {
        var reason = e switch
        {
            DashboardSourceException source => $"The dashboard could not be read (the gateway answered {source.Status}).",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Digest} due {DueAt:o} was not sent: its scope is no longer granted, or its grants are too old")]
    private static partial void LogSkipped(ILogger logger, Guid digest, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Digest} due {DueAt:o} failed on attempt {Attempt}; trying again in {Delay}")]
    private static partial void LogRetry(ILogger logger, Exception exception, Guid digest, DateTime dueAt, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Digest} due {DueAt:o} failed after {Attempts} attempts and is given up")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid digest, DateTime dueAt, int attempts);
}
