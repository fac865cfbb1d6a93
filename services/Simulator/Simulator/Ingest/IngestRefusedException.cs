namespace ExecutiveDashboard.Simulator.Ingest;

public sealed class IngestRefusedException(string message) : Exception(message);
