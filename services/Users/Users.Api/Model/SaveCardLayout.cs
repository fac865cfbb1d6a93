namespace ExecutiveDashboard.Users.Model;

/// <summary>The body of <c>PUT /api/users/me/layout</c>, for the OpenAPI document (the handler reads it itself to name bad fields).</summary>
public sealed record SaveCardLayout(IReadOnlyList<CardPlacement> Cards);
