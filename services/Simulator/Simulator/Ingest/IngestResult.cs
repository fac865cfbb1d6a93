namespace ExecutiveDashboard.Simulator.Ingest;

/// <summary>What the gateway answered for one batch: <c>202 { accepted, duplicates }</c>.</summary>
public readonly record struct IngestResult(long Accepted, long Duplicates);
