using System.Globalization;
using System.Numerics;

namespace ExecutiveDashboard.Exports.Pdf.Formatting;

/// <summary>The page's number formats (web/src/lib/format.ts), so that a file reads exactly as the dashboard does.
/// Every helper turns null and non-finite numbers into <see cref="NotAvailable"/>.</summary>
public static class MetricFormat
{
    public const string NotAvailable = "n/a";

    // The invariant culture groups and points as en-US does ("12,345.6"), and exists under invariant globalization.
    private static readonly CultureInfo EnUs = CultureInfo.InvariantCulture;
    private static readonly string[] CompactSuffixes = ["", "K", "M", "B", "T"];

    /// <summary>12345 → "12,345"; from a million on, compact ("1.2M") so that a card never overflows.</summary>
    public static string Count(double? n) =>
        Finite(n) is not { } v ? NotAvailable : Math.Abs(v) >= 1_000_000 ? CompactNumber(v) : Intl(v, 0).ToString("N0", EnUs);

    /// <summary>Short form for chart axes: 1200 → "1.2K".</summary>
    public static string Compact(double? n) => Finite(n) is { } v ? CompactNumber(v) : NotAvailable;

    /// <summary>USD: whole dollars from $1,000 on, cents below (a CAC of $84.50 matters, an MRR's cents do not);
    /// compact from $10M.</summary>
    public static string Currency(double? n)
    {
        if (Finite(n) is not { } v) return NotAvailable;
        var sign = v < 0 ? "-" : "";
        var abs = Math.Abs(v);
        if (abs >= 10_000_000) return $"{sign}${CompactNumber(abs)}";
        return abs >= 1000 ? $"{sign}${Intl(abs, 0).ToString("N0", EnUs)}" : $"{sign}${Intl(abs, 2).ToString("N2", EnUs)}";
    }

    /// <summary>A value that already is a percentage: 97.456 → "97.5%".</summary>
    public static string Percent(double? n, int digits = 1) => Finite(n) is { } v ? $"{Fixed(v, digits)}%" : NotAvailable;

    /// <summary>A difference of two percentages, in percentage points: 1.25 → "+1.3 pp".</summary>
    public static string Pp(double? n, int digits = 1) => Finite(n) is { } v ? $"{Signed(v, digits)} pp" : NotAvailable;

    /// <summary>Runtime in seconds: "0.85 s", "4.2 s", "3.5 min", "1.2 h".</summary>
    public static string Seconds(double? n)
    {
        if (Finite(n) is not { } v) return NotAvailable;
        if (v < 10) return $"{Fixed(v, 2)} s";
        if (v < 60) return $"{Fixed(v, 1)} s";
        return v < 3600 ? $"{Fixed(v / 60, 1)} min" : $"{Fixed(v / 3600, 1)} h";
    }

    /// <summary>LTV:CAC and other ratios: 3.24 → "3.2×".</summary>
    public static string Ratio(double? n) => Finite(n) is { } v ? $"{Fixed(v, 1)}×" : NotAvailable;

    /// <summary>By the unit of <c>meta.metricInfo</c>: count, currency, percent, seconds or ratio.</summary>
    public static string Value(double? n, string unit) => unit switch
    {
        "currency" => Currency(n),
        "percent" => Percent(n),
        "seconds" => Seconds(n),
        "ratio" => Ratio(n),
        _ => Count(n),
    };

    /// <summary>A change: relative ("+12.3%") or in percentage points ("-2.0 pp").</summary>
    public static string Change(double? n, string? changeUnit) =>
        Finite(n) is not { } v ? NotAvailable : changeUnit == "pp" ? Pp(v) : $"{Signed(v, 1)}%";

    /// <summary>JavaScript's <c>toFixed</c>: the double's exact binary value rounded half up in magnitude, so that
    /// 1.25 gives "1.3" and 1.005 gives "1.00" as in the browser (.NET's "F" format rounds 1.25 to "1.2").</summary>
    internal static string Fixed(double n, int digits)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(n));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075; // |n| = mantissa × 2^exponent
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        BigInteger units;
        if (exponent >= 0) units = scaled << exponent;
        else
        {
            var divisor = BigInteger.One << -exponent;
            units = BigInteger.DivRem(scaled, divisor, out var remainder);
            if (remainder * 2 >= divisor) units += 1;
        }
        var text = units.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var body = digits == 0 ? text : text[..^digits] + "." + text[^digits..];
        return (n < 0 ? "-" : "") + body;
    }

    /// <summary>Intl.NumberFormat's rounding: the shortest decimal that round-trips the double, rounded half away from zero.</summary>
    private static decimal Intl(double n, int digits) =>
        Math.Round(decimal.Parse(n.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture), digits, MidpointRounding.AwayFromZero);

    private static string Signed(double n, int digits)
    {
        var abs = Fixed(Math.Abs(n), digits);
        if (double.Parse(abs, CultureInfo.InvariantCulture) == 0) return Fixed(0, digits);
        return (n > 0 ? "+" : "-") + abs;
    }

    /// <summary>Intl's en-US compact notation with at most one decimal: 999 → "999", 1500 → "1.5K", 999,960 → "1M".</summary>
    private static string CompactNumber(double n)
    {
        var abs = Math.Abs(n);
        var tier = 0;
        while (tier < CompactSuffixes.Length - 1 && abs >= 1000) { abs /= 1000; tier++; }
        var rounded = Intl(abs, 1);
        if (rounded >= 1000 && tier < CompactSuffixes.Length - 1) { rounded = Math.Round(rounded / 1000, 1, MidpointRounding.AwayFromZero); tier++; }
        return (n < 0 ? "-" : "") + rounded.ToString("0.#", CultureInfo.InvariantCulture) + CompactSuffixes[tier];
    }

    private static double? Finite(double? n) => n is { } v && double.IsFinite(v) ? v : null;
}
