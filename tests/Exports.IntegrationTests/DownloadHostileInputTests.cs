using System.Net;
using CsCheck;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using ExecutiveDashboard.Exports.UnitTests.Csv;
using static ExecutiveDashboard.TestSupport.HostileInputs;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>What a client may put in the download's query string: every value a parameter does not take is a 400 problem
/// naming it, and no query string gets a 5xx or a file it should not.</summary>
[Collection(ServersCollection.Name)]
public sealed class DownloadHostileInputTests(ExportsServersFixture servers) : ServiceTests<ExportsService>(servers)
{
    private const string Download = "/api/exports/dashboard";
    private const string Valid = "workspace_id=ws_1&timeframe=30d&format=csv";

    private static readonly string[] Parameters = ["workspace_id", "timeframe", "format", "asOf", "cards", "tz", "weekStart"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service.Dashboard.Overview = Dashboards.Small().Overview;
    }

    /// <summary>Per parameter, values it must refuse, percent-encoded; the other parameters are valid.</summary>
    private IEnumerable<(string Parameter, string Name, string Query)> Refused()
    {
        foreach (var (name, value) in WorkspaceIds)
        {
            yield return ("workspace_id", name, $"workspace_id={Uri.EscapeDataString(value)}&timeframe=30d&format=csv");
        }
        foreach (var (name, value) in Timeframes)
        {
            yield return ("timeframe", name, $"workspace_id=ws_1&timeframe={Uri.EscapeDataString(value)}&format=csv");
        }
        foreach (var (name, value) in Times(Service.Now))
        {
            yield return ("asOf", name, $"{Valid}&asOf={Uri.EscapeDataString(value)}");
        }
        foreach (var value in new[] { "", "PDF", "pdf,csv", "xlsx", " csv", "csv\0", new string('p', 2000) })
        {
            yield return ("format", $"{value.Length} characters", $"workspace_id=ws_1&timeframe=30d&format={Uri.EscapeDataString(value)}");
        }
        foreach (var (name, value) in TimeZones)
        {
            yield return ("tz", name, $"{Valid}&tz={Uri.EscapeDataString(value)}");
        }
        foreach (var (name, value) in WeekStarts)
        {
            yield return ("weekStart", name, $"{Valid}&tz=Asia%2FKolkata&weekStart={Uri.EscapeDataString(value)}");
        }
        var tooMany = string.Join(',', Enumerable.Range(0, 51).Select(i => $"c{i}"));
        foreach (var value in new[] { "dau,dau", "<b>", "dau;mrr", new string('c', 41), tooMany, "dau,\u00e9" })
        {
            yield return ("cards", $"'{value[..Math.Min(value.Length, 12)]}'", $"{Valid}&cards={Uri.EscapeDataString(value)}");
        }
    }

    [Fact]
    public Task A_value_a_parameter_does_not_take_is_a_400_problem_naming_it()
    {
        var ceo = Service.ClientFor(Roles.Ceo, "*", "u_hostile");
        return Rows.ExpectAllAsync(
            from row in Refused()
            select Rows.Get(ceo, $"{row.Parameter} {row.Name}", $"{Download}?{row.Query}", row.Parameter));
    }

    /// <summary>Random query strings (the parameters' names and values of the tables, and random text, percent-encoded as
    /// UTF-8), each from a person of their own, so that the limits refuse none of them.</summary>
    [Fact]
    public async Task No_query_string_gets_a_5xx()
    {
        var names = Gen.OneOf<string>(Gen.OneOf<string>([.. Parameters, "FORMAT", "Workspace_Id"]), RandomText);
        var values = Gen.OneOf<string>(
            Gen.OneOf<string>([.. WorkspaceIds.Values, .. Times(Service.Now).Values, .. Timeframes.Values, "ws_1", "all", "pdf",
                "csv", "30d", "dau,mrr", "2026-12-01T00:00:00Z"]),
            RandomText);
        var pair = Gen.Select(names, values, (name, value) => $"{Encode(name)}={Encode(value)}");
        var query = pair.Array[0, 8].Select(pairs => $"{Download}?{string.Join('&', pairs)}");

        var people = 0;
        await query.SampleAsync(async pathAndQuery =>
        {
            using var ceo = Service.ClientFor(Roles.Ceo, "ws_1", $"u_fuzz_{Interlocked.Increment(ref people)}");
            using var response = await ceo.GetAsync(pathAndQuery);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden,
                $"{pathAndQuery}: {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var failure = await Rows.ProblemFailureAsync(response, expected: null, named: null);
                Assert.True(failure is null, $"{pathAndQuery}: {failure}");
            }
        }, iter: 300, threads: 1);
    }
}
