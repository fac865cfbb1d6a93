using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExecutiveDashboard.Exports.Model;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>
/// The audit's hash chain. A record's hash is the lower-case hex SHA-256 of the UTF-8 bytes of the previous record's hash
/// (<see cref="GenesisHash"/> before the first record) immediately followed by the record's <see cref="CanonicalJson"/>,
/// so that anyone can re-check a record with <c>printf '%s' "$previous$json" | sha256sum</c>.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record: there is none.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Times as they are hashed: UTC to the microsecond, which is what PostgreSQL keeps, so that a stored record
    /// hashes as it did when it was appended.</summary>
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Hash(string previousHash, AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + CanonicalJson(record))));

    /// <summary>
    /// The record's fields but its hash, in the order of the spec (<c>id, at, subject, name, role, tokenWorkspaces, scope,
    /// timeframe, asOf, format, outcome, status, bytes, sha256, durationMs, clientAddress, userAgent</c>), every one present
    /// (null as <c>null</c>), then <c>channel</c> only when it is not <c>download</c>, without whitespace. (Records written
    /// before channels existed are downloads and hash as they did; a channel changed either way no longer verifies.) The id is lower-case with hyphens, times are <see cref="TimeFormat"/>,
    /// numbers are integers, and strings are escaped as RFC 8785 (JCS) does: <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>,
    /// <c>\u00xx</c> (lower-case hex) for the other control characters, every other character as itself.
    /// </summary>
    public static string CanonicalJson(AuditRecord record)
    {
        var json = new StringBuilder(512).Append('{');
        Field(json, "id").Append('"').Append(record.Id.ToString("D")).Append('"');
        Field(json, "at").Append('"').Append(Time(record.At)).Append('"');
        Text(Field(json, "subject"), record.Subject);
        Text(Field(json, "name"), record.Name);
        Text(Field(json, "role"), record.Role);
        Field(json, "tokenWorkspaces").Append('[');
        for (var i = 0; i < record.TokenWorkspaces.Count; i++)
        {
            Text(i == 0 ? json : json.Append(','), record.TokenWorkspaces[i]);
        }
        json.Append(']');
        Text(Field(json, "scope"), record.Scope);
        Text(Field(json, "timeframe"), record.Timeframe);
        Text(Field(json, "asOf"), record.AsOf is { } asOf ? Time(asOf) : null);
        Text(Field(json, "format"), record.Format);
        Text(Field(json, "outcome"), record.Outcome);
        Number(Field(json, "status"), record.Status);
        Number(Field(json, "bytes"), record.Bytes);
        Text(Field(json, "sha256"), record.Sha256);
        Number(Field(json, "durationMs"), record.DurationMs);
        Text(Field(json, "clientAddress"), record.ClientAddress);
        Text(Field(json, "userAgent"), record.UserAgent);
        if (record.Channel != ExportChannel.Download)
        {
            Text(Field(json, "channel"), record.Channel);
        }
        return json.Append('}').ToString();
    }

    /// <summary>A time as PostgreSQL keeps it: UTC (a time without a kind is taken as UTC), to the microsecond.</summary>
    public static DateTime ToMicrosecond(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
    }

    private static string Time(DateTime time) => ToMicrosecond(time).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static StringBuilder Field(StringBuilder json, string name) =>
        (json.Length > 1 ? json.Append(',') : json).Append('"').Append(name).Append("\":");

    private static void Number(StringBuilder json, long? value) =>
        json.Append(value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null");

    private static void Text(StringBuilder json, string? value)
    {
        if (value is null)
        {
            json.Append("null");
            return;
        }
        json.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\b' => json.Append("\\b"),
                '\f' => json.Append("\\f"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }
        json.Append('"');
    }
}
