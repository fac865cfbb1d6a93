namespace ExecutiveDashboard.Exports.Digests;

/// <summary>A stored digest: its settings, its holder, when it is next due, and when the holder's grants were last seen.</summary>
public sealed record DigestRow(Guid Id, DigestHolder Holder, DigestSettings Settings, DateTime NextDueAt, DateTime GrantsSeenAt);
