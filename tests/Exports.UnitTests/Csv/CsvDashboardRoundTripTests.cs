namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvDashboardRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_file_reads_back_as_the_document_number_for_number_point_for_point_row_for_row(bool rich)
    {
        var document = rich ? Dashboards.Rich() : Dashboards.Small();

        var back = DashboardReadBack.Of(CsvFile.Rows(CsvFile.Write(document)), Dashboards.AsOf);

        back.AssertHolds(document);
    }

    [Fact]
    public void Meta_states_scope_timeframe_period_asOf_and_who_generated_it_when()
    {
        var back = DashboardReadBack.Of(CsvFile.Rows(CsvFile.Write(Dashboards.Rich())), Dashboards.AsOf);

        Assert.Equal(new Dictionary<string, string>
        {
            ["scope"] = "all",
            ["timeframe"] = "7d",
            ["periodStart"] = "2026-11-06T08:00:00.25Z",
            ["asOf"] = "2026-12-06T08:00:00.25Z",
            ["generatedAt"] = "2026-12-06T08:00:01.5Z",
            ["generatedBy"] = "Alice Martin",
        }, back.Meta);
    }

    [Fact]
    public void A_null_is_an_empty_cell_and_an_absent_point_field_has_no_row()
    {
        var rows = CsvFile.Rows(CsvFile.Write(Dashboards.Small()));

        Assert.Equal("", rows.Single(r => r.Metric == "wauChange").Value);
        Assert.Equal("", rows.Single(r => r.Metric == "reactivation").Value);
        Assert.Equal(["value"], rows.Where(r => r.Section == "trends.users").Select(r => r.Metric));
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_in_names_are_quoted_as_rfc_4180_says()
    {
        var text = CsvFile.Text(CsvFile.Write(Dashboards.Rich()));

        Assert.Contains(",\"Invoice, \"\"Bot\"\"\",", text);
        Assert.Contains(",\"line\r\nbreak\",", text);
    }
}
