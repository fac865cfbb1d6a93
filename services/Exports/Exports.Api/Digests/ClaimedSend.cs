namespace ExecutiveDashboard.Exports.Digests;

/// <summary>A send this replica has claimed (its lease taken): one digest at one due instant, on its
/// <paramref name="Attempt"/>th attempt.</summary>
/// <param name="ExportId">The audit record of its PDF, once an earlier attempt wrote it: retries reuse it.</param>
public sealed record ClaimedSend(DigestRow Digest, DateTime DueAt, int Attempt, Guid? ExportId);
