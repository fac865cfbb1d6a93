using CsvHelper;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Csv;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvFormulaInjectionTests
{
    [Fact]
    public void A_name_that_starts_like_a_formula_comes_out_escaped_while_a_negative_change_stays_a_number()
    {
        var rows = CsvFile.Rows(CsvFile.Write(Dashboards.Small()));

        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", rows.Single(r => r is { Section: "topAgents", Metric: "name" }).Value);
        Assert.Equal("'+SUM(A1)", rows.Single(r => r is { Section: "topUsers", Metric: "name" }).Value);
        Assert.Equal("-12.5", rows.Single(r => r.Metric == "dauChange").Value);
        Assert.Equal("-0.4", rows.Single(r => r.Metric == "successRateChange").Value);
    }

    [Theory]
    [InlineData("-error", "'-error")]
    [InlineData("@team look", "'@team look")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("''+twice", "'''+twice")]
    [InlineData("'plain", "'plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Every_text_cell_is_escaped_and_reads_back_as_it_was(string text, string cell)
    {
        var alert = new ActiveAlert(text, text, text, text, Dashboards.AsOf);
        var overview = Dashboards.Small().Overview with { ActiveAlerts = [alert] };
        var document = Dashboards.Document(overview) with { GeneratedBy = text };

        var rows = CsvFile.Rows(CsvFile.Write(document));

        Assert.Equal(cell, rows.Single(r => r.Metric == "generatedBy").Value);
        var alertRows = rows.Where(r => r.Section == "activeAlerts").ToList();
        Assert.All(alertRows, r => Assert.Equal(cell, r.Item));
        Assert.All(alertRows.Where(r => r.Metric is "type" or "message" or "severity"), r => Assert.Equal(cell, r.Value));
        Assert.Equal(text, CsvFile.Unescape(cell));
    }

    /// <summary>Why the writer hands numbers to CsvHelper typed: its injection option escapes whatever is written as text,
    /// a negative number formatted into a string included, and leaves only typed values alone.</summary>
    [Fact]
    public void CsvHelper_escapes_a_number_written_as_text_and_not_one_written_typed()
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, CsvDashboard.Options, leaveOpen: true))
        {
            csv.WriteField("-12.5");
            csv.WriteField(-12.5, default);
            csv.WriteField(-12.5m, default);
            csv.WriteField(-12L, default);
            csv.EndRecord();
        }

        Assert.Equal("\"'-12.5\",-12.5,-12.5,-12\r\n", CsvFile.Text(output.ToArray()[3..]));
    }
}
