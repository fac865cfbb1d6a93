using System.Text;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>
/// Text as the audit stores it. A request is recorded whatever it carried (a refused scope of any length, a user agent
/// with control characters): refusing the text would lose the record. PostgreSQL refuses NUL, UTF-8 has no form for a
/// lone surrogate, and control characters break the logs and files a record is read in, so each becomes
/// <see cref="Replacement"/>; what is stored is then clean text (<c>Bounds.IsCleanText</c>) and can be searched for.
/// Longer text is cut to <see cref="MaxLength"/> characters, the last being <see cref="Cut"/>.
/// </summary>
public static class AuditText
{
    public const int MaxLength = 1024;

    public const char Replacement = '\uFFFD';

    public const char Cut = '\u2026';

    public static string? Storable(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cut = value.Length > MaxLength;
        // Never the high half of a pair without its low half.
        var kept = cut ? value[..(char.IsHighSurrogate(value[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1)] : value;
        var text = new StringBuilder(kept.Length + 1);
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (char.IsHighSurrogate(c) && i + 1 < kept.Length && char.IsLowSurrogate(kept[i + 1]))
            {
                text.Append(c).Append(kept[++i]);
            }
            else
            {
                text.Append((char.IsControl(c) && c != '\t') || char.IsSurrogate(c) ? Replacement : c);
            }
        }
        return (cut ? text.Append(Cut) : text).ToString();
    }
}
