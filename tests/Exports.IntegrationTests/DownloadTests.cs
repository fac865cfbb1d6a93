using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Exports.UnitTests.Csv;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary><c>GET /api/exports/dashboard</c> of the real service over the real database and broker: what it answers,
/// what it records in the audit for every outcome, and what it publishes.</summary>
[Collection(ServersCollection.Name)]
public sealed class DownloadTests(ExportsServersFixture servers) : ServiceTests<ExportsService>(servers)
{
    private const string AsOf = "2026-12-06T08:00:00Z";
    private const string Query = $"/api/exports/dashboard?workspace_id=ws_1&timeframe=30d&asOf={AsOf}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service.Dashboard.Overview = Dashboards.Small().Overview;
    }

    [Fact]
    public async Task A_file_is_served_with_its_name_and_hash_recorded_and_announced()
    {
        var generated = new TaskCompletionSource<ExportGenerated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = Service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"exports-test-{Guid.NewGuid():N}",
            endpoint => endpoint.Handler<ExportGenerated>(c => Task.FromResult(generated.TrySetResult(c.Message))));
        await handle.Ready;
        try
        {
            using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=csv");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("attachment; filename=\"executive-dashboard_ws_1_30d_20261206T080000Z.csv\"",
                response.Content.Headers.GetValues("Content-Disposition").Single());
            var body = await response.Content.ReadAsByteArrayAsync();
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(body));
            Assert.Equal(sha256, response.Headers.GetValues("X-Content-SHA256").Single());
            var id = Guid.Parse(response.Headers.GetValues("X-Export-Id").Single());

            var record = await RecordAsync(id);
            Assert.Equal((ExportOutcome.Ok, 200, body.LongLength, sha256), (record.Outcome, record.Status, record.Bytes, record.Sha256));
            Assert.Equal(("u_dana", Roles.Ceo, "ws_1", "30d", "csv"), (record.Subject, record.Role, record.Scope, record.Timeframe, record.Format));
            Assert.Equal(DateTime.Parse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), record.AsOf);

            var message = await generated.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal((id, "u_dana", "ws_1", "30d", "csv", body.LongLength, sha256),
                (message.ExportId, message.Subject, message.Scope, message.Timeframe, message.Format, message.Bytes, message.Sha256));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task A_pdf_is_served_as_a_pdf_document_of_the_scope()
    {
        using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"executive-dashboard_ws_1_30d_20261206T080000Z.pdf\"",
            response.Content.Headers.GetValues("Content-Disposition").Single());
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("ws_1", pdf.GetPage(1).Text);
        Assert.Equal("Test", pdf.Information.Author);
    }

    [Fact]
    public async Task The_cards_parameter_takes_the_new_users_and_agents_cards_and_puts_them_first()
    {
        using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=pdf&cards=agents,newUsers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        // Words read row by row: the first row's titles, then their values (Dashboards.Small: 5 active agents, 15 new users, DAU 120).
        Assert.Contains("Key metrics Active agents New users Daily active users 5 15 120 ", page);
        Assert.Contains("Churned users 4 ", page);
        Assert.Contains("Total agents 7 ", page);
    }

    private const string Valid = "workspace_id=ws_1&timeframe=30d";

    public static TheoryData<string?, string, string, HttpStatusCode, string> Refusals => new()
    {
        { null, "ws_1", $"{Valid}&format=csv", HttpStatusCode.Unauthorized, ExportOutcome.Denied },
        { Roles.Member, "ws_1", $"{Valid}&format=csv", HttpStatusCode.Forbidden, ExportOutcome.Denied },
        { Roles.Ingest, "*", $"{Valid}&format=csv", HttpStatusCode.Forbidden, ExportOutcome.Denied },
        { Roles.Ceo, "ws_2", $"{Valid}&format=csv", HttpStatusCode.Forbidden, ExportOutcome.Denied },
        { Roles.Admin, "ws_1,ws_2", "workspace_id=all&timeframe=30d&format=csv", HttpStatusCode.Forbidden, ExportOutcome.Denied },
        { Roles.Ceo, "ws_1", $"{Valid}&format=xlsx", HttpStatusCode.BadRequest, ExportOutcome.Invalid },
        { Roles.Ceo, "ws_1", "workspace_id=ws_1&timeframe=1y&format=pdf", HttpStatusCode.BadRequest, ExportOutcome.Invalid },
        { Roles.Ceo, "ws_1", $"{Valid}&format=csv&asOf=yesterday", HttpStatusCode.BadRequest, ExportOutcome.Invalid },
        { Roles.Ceo, "ws_1", $"{Valid}&format=pdf&cards=dau,%3Cscript%3E", HttpStatusCode.BadRequest, ExportOutcome.Invalid },
        { Roles.Ceo, "ws_1", "timeframe=30d&format=pdf", HttpStatusCode.BadRequest, ExportOutcome.Invalid },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_request_is_a_problem_and_is_recorded(string? role, string workspaces, string query, HttpStatusCode status, string outcome)
    {
        var client = role is null ? Service.CreateClient() : Service.ClientFor(role, workspaces, "u_refused");

        using var response = await client.GetAsync($"/api/exports/dashboard?{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Content.Headers.Contains("Content-Disposition"));
        var record = await RecordAsync(Guid.Parse(response.Headers.GetValues("X-Export-Id").Single()));
        Assert.Equal((outcome, (int)status, null, null), (record.Outcome, record.Status, record.Bytes, record.Sha256));
        Assert.Equal(role is null ? null : "u_refused", record.Subject);
    }

    [Fact]
    public async Task The_eleventh_export_of_a_minute_is_throttled_and_recorded_and_others_go_on()
    {
        var dana = Service.ClientFor(Roles.Ceo, "ws_1", "u_dana");
        for (var i = 0; i < 10; i++)
        {
            using var served = await dana.GetAsync($"{Query}&format=csv");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var refused = await dana.GetAsync($"{Query}&format=csv");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        var record = await RecordAsync(Guid.Parse(refused.Headers.GetValues("X-Export-Id").Single()));
        Assert.Equal((ExportOutcome.Throttled, 429), (record.Outcome, record.Status));

        using var other = await Service.ClientFor(Roles.Ceo, "ws_1", "u_eli").GetAsync($"{Query}&format=csv");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_degraded_overview_is_served_marked_and_recorded_as_failed()
    {
        Service.Dashboard.Overview = Dashboards.Small("businessMetrics").Overview;

        using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("businessMetrics,,unavailable", await response.Content.ReadAsStringAsync());
        var record = await RecordAsync(Guid.Parse(response.Headers.GetValues("X-Export-Id").Single()));
        Assert.Equal((ExportOutcome.Failed, 200), (record.Outcome, record.Status));
    }

    [Fact]
    public async Task Sections_still_catching_up_are_read_again_until_they_settle()
    {
        var whole = Dashboards.Small().Overview;
        var partial = whole with
        {
            ExecutionMetrics = whole.ExecutionMetrics with { TotalRuns = 1 },
            Meta = whole.Meta with { CatchingUp = ["executionMetrics"] },
        };
        Service.Dashboard.First.Enqueue(partial);
        Service.Dashboard.First.Enqueue(partial);

        using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Service.Dashboard.Reads);
        var totalRuns = (await response.Content.ReadAsStringAsync()).Split("\r\n").Single(line => line.StartsWith("executionMetrics,,totalRuns,"));
        Assert.EndsWith($",{whole.ExecutionMetrics.TotalRuns},count", totalRuns);
    }

    [Theory]
    [InlineData(503, HttpStatusCode.ServiceUnavailable, ExportOutcome.Failed)]
    [InlineData(500, HttpStatusCode.BadGateway, ExportOutcome.Failed)]
    [InlineData(403, HttpStatusCode.Forbidden, ExportOutcome.Denied)]
    public async Task A_gateway_that_does_not_give_the_overview_is_answered_and_recorded(int gateway, HttpStatusCode status, string outcome)
    {
        Service.Dashboard.Failure = new DashboardSourceException(gateway, "test");

        using var response = await Service.ClientFor(Roles.Ceo, "ws_1", "u_dana").GetAsync($"{Query}&format=pdf");

        Assert.Equal(status, response.StatusCode);
        var record = await RecordAsync(Guid.Parse(response.Headers.GetValues("X-Export-Id").Single()));
        Assert.Equal((outcome, (int)status), (record.Outcome, record.Status));
    }

    private async Task<AuditRecord> RecordAsync(Guid id)
    {
        var page = await Service.ClientFor(Roles.Admin, "*").GetFromJsonAsync<AuditPage>("/api/exports/audit?limit=200");
        return page!.Items.Single(r => r.Id == id);
    }
}
