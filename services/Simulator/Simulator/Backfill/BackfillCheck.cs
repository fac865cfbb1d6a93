using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.Simulator.Backfill;

/// <summary>
/// Whether the platform already holds the backfill, so a restart goes straight to the live trickle: the overview of
/// the whole platform counts at least as many runs as the backfill has. <see cref="BackfillSender"/> posts the last
/// batch of runs after everything else, so a complete run count means a complete backfill. While the executions
/// service is still folding runs into its rollups the count is short (<c>meta.catchingUp</c>): wait a little for it.
/// Any doubt (no reader token, a degraded or failed read) answers false, and the backfill is sent again; the
/// services count every event id once, so that only costs time.
/// </summary>
public sealed class BackfillCheck(HttpClient http, ILogger logger)
{
    private const string Overview = "/api/executive/overview?workspace_id=all&timeframe=all";

    public async Task<bool> IsDoneAsync(string? readerToken, long runs, CancellationToken cancellationToken)
    {
        if (readerToken is null)
        {
            logger.LogInformation("backfill: no reader token to check for an earlier backfill; sending it (duplicates are ignored)");
            return false;
        }
        for (var attempt = 0; attempt < 15; attempt++)
        {
            JsonObject? overview;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Overview);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readerToken);
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                overview = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
            {
                logger.LogInformation("backfill: could not read the overview ({Error}); sending the backfill", e.Message);
                return false;
            }
            var stored = overview?["executionMetrics"]?["totalRuns"]?.GetValue<long?>() ?? 0;
            if (stored >= runs)
            {
                logger.LogInformation("backfill: already there ({Stored:N0} runs stored, {Runs:N0} in the backfill); skipping it", stored, runs);
                return true;
            }
            var catchingUp = overview?["meta"]?["catchingUp"]?.AsArray().Any(s => s?.GetValue<string>() == "executionMetrics") == true;
            if (stored == 0 || !catchingUp)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
        return false;
    }
}
