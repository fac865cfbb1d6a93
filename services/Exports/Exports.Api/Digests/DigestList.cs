namespace ExecutiveDashboard.Exports.Digests;

/// <summary>The answer of <c>GET</c> and <c>PUT /api/users/me/digests</c>: the person's digests in their order.</summary>
public sealed record DigestList(IReadOnlyList<DigestView> Digests);
