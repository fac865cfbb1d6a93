using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Overview;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>What a digest shows: the overview of its scope and period, the alerts raised and resolved in the period
/// (null when they could not be read: the mail says so), and the PDF of the overview.</summary>
public sealed record DigestContent(
    DigestKey Key,
    ExecutiveDashboardData Overview,
    IReadOnlyList<AlertItem>? Raised,
    IReadOnlyList<AlertItem>? Resolved,
    ReadOnlyMemory<byte> Pdf,
    string Sha256,
    string FileName,
    TimeSpan RenderTime);
