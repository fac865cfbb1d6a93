namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>What an <see cref="Annotation"/> marks; each has its own colour on the charts of the page and the PDF.</summary>
public static class AnnotationKinds
{
    public const string Deploy = "deploy";
    public const string Incident = "incident";
    public const string Campaign = "campaign";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> All = [Deploy, Incident, Campaign, Note];

    /// <summary>The most text one annotation carries: a sentence or two, which a tooltip and a PDF line can show.</summary>
    public const int MaxTextLength = 500;
}
