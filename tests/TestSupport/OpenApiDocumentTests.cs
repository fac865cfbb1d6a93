using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>The OpenAPI document a real service serves, read as the gateway's API reference reads it (anonymously): every
/// route described (<see cref="OpenApiAssertions"/>). Each integration-test project runs it through a tiny subclass.</summary>
public abstract class OpenApiDocumentTests<TService>(ServersFixture<TService> servers) where TService : IServiceUnderTest
{
    /// <summary>The routes of this service, by name: a route left out of the document would go unnoticed otherwise.</summary>
    protected abstract string[] Routes { get; }

    [Fact]
    public async Task Every_route_is_in_the_document_with_a_name_a_summary_and_its_statuses()
    {
        await using var service = servers.NewService();

        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(Routes.Order(), OpenApiAssertions.EveryOperationDescribed(document).Order());
    }
}
