using System.Globalization;

namespace ExecutiveDashboard.Exports.Files;

/// <summary>The download's name: <c>executive-dashboard_&lt;scope&gt;_&lt;timeframe&gt;_&lt;asOf as yyyyMMddTHHmmssZ&gt;.&lt;format&gt;</c>.
/// Scopes are validated ids (letters, digits and <c>-_.:@</c>) or <c>all</c>: nothing a quoted file name must escape.</summary>
public static class ExportFileName
{
    public static string Of(string scope, string timeframe, DateTime asOf, ExportFormat format) =>
        $"executive-dashboard_{scope}_{timeframe}_{asOf.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{format.Name}";
}
