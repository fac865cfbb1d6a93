namespace ExecutiveDashboard.Alerts.Rules;

public static class Severities
{
    public static string ToWire(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static Severity Parse(string value) => Enum.Parse<Severity>(value, ignoreCase: true);
}
