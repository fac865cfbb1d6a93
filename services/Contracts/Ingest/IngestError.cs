namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Why one event of a batch was refused: its index in the batch, its id and type when
/// readable, and the field at fault.</summary>
public sealed record IngestError(int Index, string? EventId, string? Type, string Field, string Message)
{
    /// <summary>The key of this error in an RFC 7807 <c>errors</c> map, e.g. <c>[3].completedAt</c>, or <c>$</c>
    /// for the batch as a whole (index -1).</summary>
    public string Key => Index < 0 ? Field : $"[{Index}].{Field}";

    public string Describe() =>
        $"event {Index}{(EventId is null ? "" : $" ({EventId}{(Type is null ? "" : $", {Type}")})")}: {Message}";
}
