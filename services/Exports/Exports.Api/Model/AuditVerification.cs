namespace ExecutiveDashboard.Exports.Model;

/// <summary>The answer of <c>/api/exports/audit/verify</c>: how many records were checked, and the first whose hash does
/// not follow from its content and its predecessor (null when the chain holds).</summary>
public sealed record AuditVerification(long Records, bool Valid, Guid? FirstInvalidId);
