using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

public class ScopesTests
{
    [Theory]
    [InlineData("all")]
    [InlineData("ws_1")]
    [InlineData("acme.corp:eu-1@2")]
    public void A_workspace_id_or_all_may_be_read(string scope) => Assert.True(Scopes.IsValid(scope));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")] // the services' own key of the platform
    [InlineData("ALL ")]
    [InlineData("../..")]
    [InlineData("ws_1\r\n")]
    [InlineData("ws\0")]
    [InlineData("ws_1,ws_2")]
    [InlineData("wş")]
    public void Anything_else_is_refused(string? scope) => Assert.False(Scopes.IsValid(scope));

    [Fact]
    public void An_id_is_at_most_128_characters()
    {
        Assert.True(Scopes.IsValid(new string('a', 128)));
        Assert.False(Scopes.IsValid(new string('a', 129)));
    }
}
