namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>Why a batch was refused whole, as HTTP answers it (an RFC 7807 problem) and as the bus dead-letters it.</summary>
/// <param name="StatusCode">400 (malformed JSON, invalid events) or 413 (too many events, too many bytes).</param>
/// <param name="Errors">Each bad event's index and field (<c>[3].completedAt</c>) with what is wrong; null when the
/// batch as a whole is at fault.</param>
public sealed record IngestRefusal(int StatusCode, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null);
