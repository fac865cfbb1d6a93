namespace ExecutiveDashboard.Exports.Model;

/// <summary>How an export request ended, as the audit records it.</summary>
public static class ExportOutcome
{
    /// <summary>The file was served (200).</summary>
    public const string Ok = "ok";

    /// <summary>No token (401), or a token that may not export this scope (403).</summary>
    public const string Denied = "denied";

    /// <summary>Bad parameters (400).</summary>
    public const string Invalid = "invalid";

    /// <summary>Over the caller's limits (429).</summary>
    public const string Throttled = "throttled";

    /// <summary>The service or a source failed (5xx), or a section of the overview was degraded.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Ok, Denied, Invalid, Throttled, Failed];
}
