using System.Text.Json;
using ExecutiveDashboard.Users.Layouts;
using ExecutiveDashboard.Users.Model;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class CardLayoutRequestTests
{
    private static (IReadOnlyList<CardPlacement>? Cards, Dictionary<string, string[]> Errors) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CardLayoutRequest.Parse(document.RootElement);
    }

    [Fact]
    public void Cards_keep_their_order_and_unknown_ids_and_other_properties_are_dropped()
    {
        var (cards, errors) = Parse("""
            { "cards": [ { "id": "mrr", "visible": true, "width": 2 }, { "id": "from.a-newer_page", "visible": false } ],
              "theme": "dark" }
            """);

        Assert.Empty(errors);
        Assert.Equal([new CardPlacement("mrr", true), new CardPlacement("from.a-newer_page", false)], cards!);
    }

    [Fact]
    public void An_empty_list_is_a_layout_the_page_fills_with_its_defaults()
    {
        var (cards, errors) = Parse("""{ "cards": [] }""");
        Assert.Empty(errors);
        Assert.Empty(cards!);
    }

    [Fact]
    public void Ids_are_case_sensitive_so_dau_and_DAU_are_two_cards()
    {
        var (cards, _) = Parse("""{ "cards": [ { "id": "dau", "visible": true }, { "id": "DAU", "visible": true } ] }""");
        Assert.Equal(2, cards!.Count);
    }

    [Fact]
    public void Every_bad_entry_is_named_and_a_duplicate_points_at_the_first()
    {
        var (cards, errors) = Parse("""
            { "cards": [ { "id": "dau", "visible": true }, null, { "id": "dau", "visible": 1 }, { "id": "a/b", "visible": true } ] }
            """);

        Assert.Null(cards);
        Assert.Equal(["cards[1]", "cards[2].id", "cards[2].visible", "cards[3].id"], errors.Keys.Order());
        Assert.Contains("cards[0]", errors["cards[2].id"][0]);
    }

    [Fact]
    public void At_most_twenty_errors_are_listed()
    {
        var json = "{ \"cards\": [" + string.Join(",", Enumerable.Range(0, 40).Select(_ => "{}")) + "] }";
        var (_, errors) = Parse(json);
        Assert.InRange(errors.Count, 20, 21);
    }

    [Theory]
    [InlineData("dau", true)]
    [InlineData("p95Runtime", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    [InlineData("ünïcode", false)]
    public void Ids_are_short_plain_names(string id, bool valid) => Assert.Equal(valid, CardLayoutRequest.IsValidId(id));

    [Fact]
    public void An_id_of_41_characters_is_too_long() =>
        Assert.False(CardLayoutRequest.IsValidId(new string('x', CardLayoutRequest.MaxIdLength + 1)));
}
