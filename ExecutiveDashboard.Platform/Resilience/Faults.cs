using System.Text.Json;
using Npgsql;

namespace ExecutiveDashboard.Platform.Resilience;

/// <summary>
/// Which failures say something about the data rather than about a dependency. Those fail again at every attempt, so
/// retrying them only blocks what comes after: the rollup folder sets such events aside, and a consumer sends such a
/// message to its error queue at once. Everything else (a timeout, a refused or dropped connection, a deadlock, a
/// server shutting down, an exception nobody foresaw) is taken as transient and retried until it passes.
/// </summary>
public static class Faults
{
    /// <summary>PostgreSQL refused a value: a data exception (SQLSTATE class 22: an overflow, an invalid value) or an
    /// integrity constraint (class 23); or a sum overflowed in .NET. Narrow on purpose: the folder sets aside the events
    /// that fail so, and a bug of the code (a parameter of the wrong type) must not look like bad data.</summary>
    public static bool IsRefusedData(Exception exception) => exception switch
    {
        PostgresException e => e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal),
        OverflowException => true,
        _ => false,
    };

    /// <summary><see cref="IsRefusedData"/>, or a value that cannot be read or converted (a NULL where one is required, a
    /// NaN where a decimal is, a date beyond .NET's range, JSON that does not parse).</summary>
    public static bool IsPermanent(Exception exception) =>
        IsRefusedData(exception) || exception is InvalidCastException or FormatException or ArgumentException or JsonException;
}
