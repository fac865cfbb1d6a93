namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>The answer to an accepted batch: how many events were new, how many were seen before.</summary>
public sealed record IngestResult(int Accepted, int Duplicates);
