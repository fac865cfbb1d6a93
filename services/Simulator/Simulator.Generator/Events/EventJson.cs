using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary>The JSON of docs/events.md, field for field: camelCase names, ISO 8601 UTC timestamps with a <c>Z</c>
/// (to the millisecond), amounts and credits as numbers with at most 2 decimals.</summary>
public static class EventJson
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>A batch as the JSON array the ingest endpoints take.</summary>
    public static byte[] Serialize(IEnumerable<PlatformEvent> batch)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in batch)
            {
                Write(writer, e);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string Format(DateTime instant) => instant.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter writer, PlatformEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", e.EventId);
        writer.WriteString("type", e.Type);
        switch (e)
        {
            case UserSignedUp signup:
                writer.WriteString("workspaceId", signup.WorkspaceId);
                writer.WriteString("userId", signup.UserId);
                WriteTime(writer, "occurredAt", signup.OccurredAt);
                writer.WriteString("name", signup.Name);
                writer.WriteString("email", signup.Email);
                break;
            case UserActive active:
                writer.WriteString("workspaceId", active.WorkspaceId);
                writer.WriteString("userId", active.UserId);
                WriteTime(writer, "occurredAt", active.OccurredAt);
                break;
            case AgentCreated agent:
                writer.WriteString("workspaceId", agent.WorkspaceId);
                writer.WriteString("agentId", agent.AgentId);
                writer.WriteString("agentName", agent.AgentName);
                WriteTime(writer, "occurredAt", agent.OccurredAt);
                break;
            case RunCompleted run:
                writer.WriteString("workspaceId", run.WorkspaceId);
                writer.WriteString("runId", run.RunId);
                writer.WriteString("agentId", run.AgentId);
                writer.WriteString("agentName", run.AgentName);
                writer.WriteString("userId", run.UserId);
                writer.WriteString("status", run.Status);
                WriteTime(writer, "startedAt", run.StartedAt);
                WriteTime(writer, "completedAt", run.CompletedAt);
                writer.WriteNumber("credits", run.Credits);
                if (run.ErrorCode is null)
                {
                    writer.WriteNull("errorCode");
                }
                else
                {
                    writer.WriteString("errorCode", run.ErrorCode);
                }
                break;
            case TrialStarted trial:
                writer.WriteString("workspaceId", trial.WorkspaceId);
                writer.WriteString("plan", trial.Plan);
                WriteTime(writer, "occurredAt", trial.OccurredAt);
                WriteTime(writer, "trialEndsAt", trial.TrialEndsAt);
                break;
            case TrialEnded ended:
                writer.WriteString("workspaceId", ended.WorkspaceId);
                WriteTime(writer, "occurredAt", ended.OccurredAt);
                break;
            case SubscriptionPriced priced:
                writer.WriteString("workspaceId", priced.WorkspaceId);
                writer.WriteString("plan", priced.Plan);
                writer.WriteString("interval", priced.Interval);
                writer.WriteNumber("amount", priced.Amount);
                writer.WriteString("currency", BillingEvent.Currency);
                WriteTime(writer, "occurredAt", priced.OccurredAt);
                break;
            case SubscriptionCanceled canceled:
                writer.WriteString("workspaceId", canceled.WorkspaceId);
                WriteTime(writer, "occurredAt", canceled.OccurredAt);
                break;
            case MarketingSpend spend:
                writer.WriteNumber("amount", spend.Amount);
                writer.WriteString("currency", BillingEvent.Currency);
                WriteTime(writer, "occurredAt", spend.OccurredAt);
                writer.WriteString("channel", spend.Channel);
                break;
            default:
                throw new ArgumentException($"No JSON for {e.GetType().Name}", nameof(e));
        }
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime instant)
    {
        Span<char> text = stackalloc char[32];
        instant.TryFormat(text, out var length, TimestampFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }
}
