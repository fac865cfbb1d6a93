using CsvHelper;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>One cell of the <c>value</c> column, kept as its own type until it is written: numbers and times go to
/// CsvHelper typed, so they are formatted invariant and never taken for text (a negative number keeps its sign
/// unescaped); only text is protected against formula injection.</summary>
internal readonly struct CsvValue
{
    private enum Kind { Null, Text, Integer, Real, Amount, Instant }

    private readonly Kind kind;
    private readonly string? text;
    private readonly long integer;
    private readonly double real;
    private readonly decimal amount;
    private readonly DateTime instant;

    private CsvValue(Kind kind, string? text = null, long integer = 0, double real = 0, decimal amount = 0, DateTime instant = default) =>
        (this.kind, this.text, this.integer, this.real, this.amount, this.instant) = (kind, text, integer, real, amount, instant);

    public bool IsNull => kind == Kind.Null;

    public static implicit operator CsvValue(string? value) => value is null ? default : new(Kind.Text, text: value);

    public static implicit operator CsvValue(long? value) => value is { } v ? new(Kind.Integer, integer: v) : default;

    public static implicit operator CsvValue(double? value) => value is { } v ? new(Kind.Real, real: v) : default;

    public static implicit operator CsvValue(decimal? value) => value is { } v ? new(Kind.Amount, amount: v) : default;

    public static implicit operator CsvValue(DateTime? value) => value is { } v ? new(Kind.Instant, instant: v) : default;

    /// <param name="zone">The reader's zone, in which times are written; null: UTC.</param>
    public void WriteTo(CsvWriter csv, NodaTime.DateTimeZone? zone = null)
    {
        switch (kind)
        {
            case Kind.Text: CsvText.Write(csv, text); break;
            case Kind.Integer: csv.WriteField(integer, default); break;
            // Without a format CsvHelper writes the shortest text that round-trips ("R"), invariant.
            case Kind.Real: csv.WriteField(real, default); break;
            // The decimal's own scale, as decimal.ToString(CultureInfo.InvariantCulture) and the JSON write it.
            case Kind.Amount: csv.WriteField(amount, default); break;
            case Kind.Instant: CsvTimestamp.Write(csv, instant, zone); break;
            default: csv.WriteField((string?)null); break;
        }
    }
}
