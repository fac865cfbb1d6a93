namespace ExecutiveDashboard.Exports.Model;

/// <summary>Where an exported file went, as the audit records it.</summary>
public static class ExportChannel
{
    /// <summary>Served to its caller by <c>GET /api/exports/dashboard</c> (every record before channels existed).</summary>
    public const string Download = "download";

    /// <summary>Attached to a digest mail.</summary>
    public const string Digest = "digest";
}
