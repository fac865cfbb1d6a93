using ExecutiveDashboard.Contracts.Dashboard;
using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Annotations;

/// <summary>How an annotation's kind is named and coloured, as the page does (web/src/lib/annotations.ts): one colour per
/// kind on the charts' lines and the list's number badges.</summary>
internal static class AnnotationStyle
{
    private static readonly IReadOnlyDictionary<string, (string Label, SKColor Color)> Kinds = new Dictionary<string, (string, SKColor)>
    {
        [AnnotationKinds.Deploy] = ("Deploy", SKColor.Parse("#8b5cf6")),
        [AnnotationKinds.Incident] = ("Incident", SKColor.Parse("#f97316")),
        [AnnotationKinds.Campaign] = ("Campaign", SKColor.Parse("#d946ef")),
        [AnnotationKinds.Note] = ("Note", SKColor.Parse("#64748b")),
    };

    public static SKColor Color(string kind) => Kinds.TryGetValue(kind, out var style) ? style.Color : Kinds[AnnotationKinds.Note].Color;

    /// <summary>The kind as people read it; a platform-wide one says so, as the file may be of one workspace.</summary>
    public static string Label(Annotation annotation) =>
        (Kinds.TryGetValue(annotation.Kind, out var style) ? style.Label : annotation.Kind)
        + (annotation.Scope == Contracts.Metrics.Scopes.Platform ? " (all workspaces)" : "");
}
