using System.Globalization;
using System.Net;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The per-subject limit of 10 exports a minute, through the gateway: ten CSV exports in a row are served, the eleventh is
/// a 429 problem with <c>Retry-After</c> in whole seconds, audited as <c>throttled</c>, and another subject is not held back.
/// The concurrency limit (2 at once) is not tested here: whether a third export finds the first two still running depends on
/// how fast they render on a loaded machine; the service's own tests hold exports open to test it.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsLimitsTests(DashboardApp app)
{
    private const string Workspace = "exp_limits";

    /// <summary>A past instant: every export reads the same overview (the gateway's cache serves it after the first).</summary>
    private const string Query = $"workspace_id={Workspace}&timeframe=24h&format=csv&asOf=2026-06-01T00:00:00Z";

    [Fact]
    public async Task The_eleventh_export_in_a_minute_is_refused_with_retry_after_and_audited_as_throttled()
    {
        var admin = await app.SignInAsync("admin", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);

        // The sliding window is a minute long: ten CSVs of an empty workspace take well under it, even on a loaded machine.
        var served = new List<ExportAnswer>();
        for (var i = 0; i < 10; i++)
        {
            var answer = await ExportAnswer.GetAsync(ceo, Query);
            Assert.True(answer.Status == HttpStatusCode.OK, $"export {i + 1}: {answer}");
            served.Add(answer);
        }
        var throttled = await ExportAnswer.GetAsync(ceo, Query);

        Assert.True(throttled.Status == HttpStatusCode.TooManyRequests, throttled.ToString());
        throttled.Problem();
        Assert.True(int.TryParse(throttled.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 60,
            $"Retry-After '{throttled.RetryAfter}' is not a whole number of seconds from 1 to 60");

        // Someone else is not held back by another subject's minute.
        var other = await app.SignInAsync("ceo", Workspace);
        var theirs = await ExportAnswer.GetAsync(other, Query);
        Assert.True(theirs.Status == HttpStatusCode.OK, theirs.ToString());

        // In the audit, newest first: the refusal, then the ten files with their sizes and digests.
        var records = await ExportsAudit.ListAsync(admin, ExportsAudit.BySubject(ceo));
        Assert.Equal([throttled.AuditId, .. served.Select(a => a.AuditId).Reverse()], records.Select(r => Guid.Parse((string)r["id"]!)));
        Assert.Equal(("throttled", 429), ((string?)records[0]["outcome"], records[0]["status"]!.GetValue<int>()));
        Assert.Null(records[0]["bytes"]?.GetValue<long>());
        foreach (var (record, answer) in records.Skip(1).Zip(Enumerable.Reverse(served)))
        {
            Assert.Equal(("ok", 200), ((string?)record["outcome"], record["status"]!.GetValue<int>()));
            Assert.Equal(((long)answer.Body.Length, answer.Sha256), (record["bytes"]!.GetValue<long>(), (string?)record["sha256"]));
        }
    }
}
