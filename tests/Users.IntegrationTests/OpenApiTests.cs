using TestSupport;

namespace Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(ServersFixture servers) : OpenApiDocumentTests<UsersService>(servers)
{
    protected override string[] Routes =>
        ["IngestUserEvents", "GetEarliestEvent", "GetUsersOverview", "GetUserNames", "GetCardLayout", "SaveCardLayout", "DeleteCardLayout"];
}
