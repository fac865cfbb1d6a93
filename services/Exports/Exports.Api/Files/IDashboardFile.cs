namespace ExecutiveDashboard.Exports.Files;

/// <summary>Writes an <see cref="ExportDocument"/> as one file format. Pure: the same document gives the same numbers,
/// and nothing is read from anywhere else.</summary>
public interface IDashboardFile
{
    ExportFormat Format { get; }

    void Write(ExportDocument document, Stream output);
}
