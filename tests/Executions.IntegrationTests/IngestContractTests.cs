using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class IngestContractTests(ExecutionsServersFixture servers)
    : IngestContractTests<ExecutionsService, IngestContractTests>(servers), IBadEvents
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");

    private static JsonObject ValidRun(string id) => Run(id, "ws_1", "ag_1", "u_1", "succeeded", T, 10, 1m);

    protected override JsonObject ValidEvent(string eventId) => ValidRun(eventId);

    protected override string ForeignEventType => "user.active";

    static TheoryData<JsonObject, string> IBadEvents.BadEvents => new()
    {
        { With(ValidRun("bad-1"), "completedAt", "2026-11-28T09:00:00Z"), "[1].completedAt" }, // before startedAt
        { With(ValidRun("bad-1"), "status", "cancelled"), "[1].status" },
        { With(ValidRun("bad-1"), "credits", -0.5), "[1].credits" },
        { With(ValidRun("bad-1"), "credits", "12"), "[1].credits" },         // wrong type
        { With(ValidRun("bad-1"), "workspaceId", null), "[1].workspaceId" }, // missing
        { With(ValidRun("bad-1"), "agentId", "has space"), "[1].agentId" },
        { With(ValidRun("bad-1"), "startedAt", "2026-11-28 09:00:00"), "[1].startedAt" }, // no offset
        { With(ValidRun("bad-1"), "workspaceId", "all"), "[1].workspaceId" }, // reserved for the platform
    };

    protected override JsonObject[] DistinctEvents() => Enumerable.Range(0, 50).Select(i => ValidRun($"twice-{i}")).ToArray();

    protected override async Task AssertCountedOnceAsync(ExecutionsService service)
    {
        var o = await service.OverviewAsync("ws_1", "7d", "2026-11-29T00:00:00Z");
        Assert.Equal(50, o.ExecutionMetrics.TotalRuns);
        Assert.Equal(50m, o.ExecutionMetrics.TotalCreditsUsed);
    }
}
