using ExecutiveDashboard.Exports.Pdf.Formatting;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>The port of web/src/lib/change.ts: the colour of a change comes from higherIsBetter.</summary>
public class ChangeViewTests
{
    [Fact]
    public void An_increase_is_good_when_higher_is_better_and_bad_when_lower_is_better()
    {
        Assert.Equal(ChangeTone.Good, ChangeView.Of(5, "percent", true).Tone);
        Assert.Equal(ChangeTone.Bad, ChangeView.Of(5, "percent", false).Tone);
    }

    [Fact]
    public void A_decrease_is_bad_when_higher_is_better_and_good_when_lower_is_better()
    {
        Assert.Equal(ChangeTone.Bad, ChangeView.Of(-5, "percent", true).Tone);
        Assert.Equal(ChangeTone.Good, ChangeView.Of(-3, "pp", false).Tone);
    }

    [Fact]
    public void Null_is_na_neutral_and_without_an_arrow() =>
        Assert.Equal(new ChangeView(ChangeDirection.None, ChangeTone.Neutral, "n/a"), ChangeView.Of(null, "percent", true));

    [Fact]
    public void A_change_that_rounds_to_zero_is_flat_and_neutral() =>
        Assert.Equal(new ChangeView(ChangeDirection.Flat, ChangeTone.Neutral, "0.0%"), ChangeView.Of(0.04, "percent", true));

    [Fact]
    public void Rates_change_in_percentage_points() =>
        Assert.Equal(new ChangeView(ChangeDirection.Down, ChangeTone.Bad, "-1.5 pp"), ChangeView.Of(-1.5, "pp", true));

    [Theory]
    [InlineData(ChangeDirection.Up, true, ChangeTone.Good)]
    [InlineData(ChangeDirection.Down, false, ChangeTone.Good)]
    [InlineData(ChangeDirection.Flat, true, ChangeTone.Neutral)]
    [InlineData(ChangeDirection.None, false, ChangeTone.Neutral)]
    public void ToneOf_covers_every_direction(ChangeDirection direction, bool higherIsBetter, ChangeTone expected) =>
        Assert.Equal(expected, ChangeView.ToneOf(direction, higherIsBetter));
}
