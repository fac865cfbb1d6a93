using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Contracts.UnitTests.Ingest;

/// <summary>Validation of executions ingest (docs/events.md) through <see cref="EventBatch.Parse"/>, on JSON text.</summary>
public class ExecutionEventBatchTests
{
    private const string ValidRun = """
        { "eventId": "ev_run_1", "type": "run.completed", "workspaceId": "ws_1", "runId": "r_1",
          "agentId": "ag_1", "agentName": "Invoice Bot", "userId": "u_1", "status": "failed",
          "startedAt": "2026-11-02T09:59:30+02:00", "completedAt": "2026-11-02T10:00:00+02:00",
          "credits": 12.5, "errorCode": "E_TIMEOUT" }
        """;

    private const string ValidAgent = """
        { "eventId": "ev_agent_1", "type": "agent.created", "workspaceId": "ws_1", "agentId": "ag_1",
          "agentName": "Invoice Bot", "occurredAt": "2026-11-02T07:00:00Z" }
        """;

    /// <summary>The server's time for these batches: a day after the runs.</summary>
    private static readonly DateTime Now = new(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc);

    private static EventBatchResult<ExecutionEvent> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventBatch.Parse(document.RootElement, ExecutionEvent.Types, ExecutionEvent.Parse, Now);
    }

    /// <summary>A copy of <paramref name="json"/> with <paramref name="field"/> set to the raw JSON
    /// <paramref name="value"/>, or removed when it is <c>null</c>.</summary>
    private static string With(string json, string field, string? value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(field);
        if (value is not null)
        {
            node[field] = JsonNode.Parse(value);
        }
        return node.ToJsonString();
    }

    private static void AssertRefused(EventBatchResult<ExecutionEvent> result, params string[] keys)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Events);
        Assert.Equal(keys.Order(), result.Errors.Select(e => e.Key).Order());
    }

    [Fact]
    public void A_valid_batch_parses_into_typed_events_with_UTC_times()
    {
        var result = Parse($"[{ValidAgent}, {ValidRun}]");

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Collection(result.Events,
            e =>
            {
                var agent = Assert.IsType<AgentCreatedEvent>(e);
                Assert.Equal(new AgentCreatedEvent("ev_agent_1", "ws_1", "ag_1", "Invoice Bot",
                    new DateTime(2026, 11, 2, 7, 0, 0, DateTimeKind.Utc)), agent);
                Assert.Equal(DateTimeKind.Utc, agent.OccurredAt.Kind);
            },
            e =>
            {
                var run = Assert.IsType<RunCompletedEvent>(e);
                Assert.Equal("ev_run_1", run.EventId);
                Assert.Equal("ws_1", run.WorkspaceId);
                Assert.Equal("r_1", run.RunId);
                Assert.Equal("ag_1", run.AgentId);
                Assert.Equal("Invoice Bot", run.AgentName);
                Assert.Equal("u_1", run.UserId);
                Assert.Equal(RunStatus.Failed, run.Status);
                // 10:00 at +02:00 is 08:00Z; 09:59:30+02:00 is 07:59:30Z.
                Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), run.CompletedAt);
                Assert.Equal(new DateTime(2026, 11, 2, 7, 59, 30, DateTimeKind.Utc), run.StartedAt);
                Assert.Equal(DateTimeKind.Utc, run.CompletedAt.Kind);
                Assert.Equal(30.0, run.RuntimeSeconds);  // 08:00:00 − 07:59:30
                Assert.Equal(12.5m, run.Credits);
                Assert.Equal("E_TIMEOUT", run.ErrorCode);
            });
    }

    [Theory]
    [InlineData("credits", "0")]                                          // credits >= 0
    [InlineData("completedAt", "\"2026-11-02T07:59:30Z\"")]               // = startedAt (09:59:30+02:00): runtime 0
    [InlineData("startedAt", "\"2026-11-02T02:59:30-05:00\"")]            // = 07:59:30Z, a negative offset
    [InlineData("eventId", "\"a-b_c.d:e@f\"")]                            // every allowed punctuation mark
    [InlineData("agentName", null)]                                       // optional on a run
    public void Boundary_values_of_events_md_are_accepted(string field, string? value)
    {
        var result = Parse($"[{With(ValidRun, field, value)}]");

        Assert.Empty(result.Errors);
        Assert.Single(result.Events);
    }

    [Fact]
    public void An_empty_agent_name_on_a_run_is_no_name_and_renames_nothing()
    {
        var result = Parse($"[{With(ValidRun, "agentName", "\"\"")}]");

        Assert.Null(Assert.IsType<RunCompletedEvent>(Assert.Single(result.Events)).AgentName);
    }

    [Fact]
    public void An_id_of_128_characters_is_accepted_and_129_is_refused()
    {
        var at128 = Parse($"[{With(ValidRun, "runId", $"\"{new string('r', 128)}\"")}]");
        var at129 = Parse($"[{With(ValidRun, "runId", $"\"{new string('r', 129)}\"")}]");

        Assert.True(at128.IsValid);
        AssertRefused(at129, "[0].runId");
    }

    [Theory]
    [InlineData("eventId", null)]
    [InlineData("eventId", "\"\"")]                                  // ids are 1–128 characters
    [InlineData("eventId", "\"ev 1\"")]                              // space is not allowed
    [InlineData("workspaceId", "\"all\"")]                           // reserved for the whole platform
    [InlineData("workspaceId", "\"*\"")]                             // the platform scope in storage
    [InlineData("runId", null)]
    [InlineData("agentId", "\"ag 1\"")]
    [InlineData("userId", "42")]                                     // a number is not an id
    [InlineData("startedAt", "\"2026-11-02T09:00:00\"")]             // no offset
    [InlineData("completedAt", "\"2026-11-02T10:00:00\"")]           // no offset
    [InlineData("completedAt", "\"2026-11-02\"")]                    // a date is not a timestamp
    [InlineData("completedAt", "\"2026-11-02T07:59:29Z\"")]          // 1 s before startedAt (07:59:30Z)
    [InlineData("credits", "-0.01")]                                 // credits >= 0
    [InlineData("credits", "\"12.5\"")]
    [InlineData("status", "\"cancelled\"")]                          // succeeded | failed only
    [InlineData("type", "\"run.started\"")]                          // unknown type
    public void A_bad_run_field_refuses_the_batch_with_its_index_and_field(string field, string? value)
    {
        // The bad event is second, after a valid one: nothing of the batch is kept.
        var result = Parse($"[{ValidAgent}, {With(ValidRun, field, value)}]");

        AssertRefused(result, $"[1].{field}");
    }

    [Theory]
    [InlineData("agentName", null)]                                  // required on agent.created
    [InlineData("agentName", "\"\"")]
    [InlineData("occurredAt", "\"2026-11-02T07:00:00\"")]            // no offset
    [InlineData("workspaceId", "\"all\"")]
    public void A_bad_agent_field_refuses_the_batch_with_its_index_and_field(string field, string? value)
    {
        var result = Parse($"[{With(ValidAgent, field, value)}]");

        AssertRefused(result, $"[0].{field}");
    }

    [Fact]
    public void A_name_of_256_characters_is_accepted_and_257_is_refused()
    {
        var at256 = Parse($"[{With(ValidAgent, "agentName", $"\"{new string('n', 256)}\"")}]");
        var at257 = Parse($"[{With(ValidAgent, "agentName", $"\"{new string('n', 257)}\"")}]");

        Assert.True(at256.IsValid);
        AssertRefused(at257, "[0].agentName");
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"run.completed\"")]
    [InlineData("null")]
    public void An_element_that_is_not_an_object_is_refused(string element)
    {
        var result = Parse($"[{ValidRun}, {element}]");

        AssertRefused(result, "[1].$");
    }

    [Fact]
    public void An_empty_batch_is_refused()
    {
        var result = Parse("[]");

        Assert.False(result.IsValid);
        Assert.Empty(result.Events);
        Assert.Equal("$", Assert.Single(result.Errors).Key); // the batch as a whole, not an event
    }

    [Fact]
    public void A_body_that_is_not_an_array_is_refused()
    {
        var result = Parse(ValidRun);

        Assert.False(result.IsValid);
        Assert.Empty(result.Events);
        Assert.Equal("$", Assert.Single(result.Errors).Key); // the batch as a whole, not an event
    }

    [Fact]
    public void Each_bad_event_and_each_bad_field_gets_its_own_error()
    {
        var badCredits = With(ValidRun, "credits", "-1");
        var badStatusAndWorkspace = With(With(ValidRun, "status", "\"ok\""), "workspaceId", "\"all\"");

        var result = Parse($"[{badCredits}, {ValidAgent}, {badStatusAndWorkspace}, {ValidRun}, 7]");

        AssertRefused(result, "[0].credits", "[2].status", "[2].workspaceId", "[4].$");
        var first = result.Errors.Single(e => e.Index == 0);
        Assert.Equal("ev_run_1", first.EventId);
        Assert.Equal("run.completed", first.Type);
    }
}
