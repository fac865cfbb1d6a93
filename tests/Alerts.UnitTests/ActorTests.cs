using System.Security.Claims;
using ExecutiveDashboard.Alerts.Model;

namespace ExecutiveDashboard.Alerts.UnitTests;

public sealed class ActorTests
{
    private static Actor Of(string? subject, string? name) => Actor.Of(new ClaimsPrincipal(new ClaimsIdentity(
        new[] { ("sub", subject), ("name", name) }.Where(c => c.Item2 is not null).Select(c => new Claim(c.Item1, c.Item2!)), "test")));

    [Fact]
    public void The_name_is_the_name_claim_and_the_subject_is_kept_beside_it() =>
        Assert.Equal(new Actor("dev:1", "Dana"), Of("dev:1", "Dana"));

    [Fact]
    public void Without_a_name_people_read_the_subject() =>
        Assert.Equal(new Actor("dev:1", "dev:1"), Of("dev:1", null));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Dana\0")]
    [InlineData("Dana\nEvil")]
    public void A_name_that_could_not_be_stored_or_shown_as_text_is_passed_over(string name) =>
        Assert.Equal(new Actor("dev:1", "dev:1"), Of("dev:1", name));

    [Fact]
    public void A_name_of_256_characters_is_kept_and_one_of_257_is_passed_over()
    {
        Assert.Equal(new string('a', 256), Of("dev:1", new string('a', 256)).Name);
        Assert.Equal("dev:1", Of("dev:1", new string('a', 257)).Name);
    }

    /// <summary>Built at run time: a lone surrogate in an attribute's string is stored as U+FFFD.</summary>
    [Fact]
    public void A_lone_surrogate_is_not_text() => Assert.Equal("dev:1", Of("dev:1", "Dana " + "😀"[0]).Name);

    [Fact]
    public void A_token_without_a_usable_subject_is_named_by_its_name_and_else_unknown()
    {
        Assert.Equal(new Actor("Dana", "Dana"), Of(null, "Dana"));
        Assert.Equal(new Actor("unknown", "unknown"), Of("bad\u0001", null));
    }
}
