using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(UsersServersFixture servers) : OpenApiDocumentTests<UsersService>(servers)
{
    protected override string[] Routes =>
        ["IngestUserEvents", "GetEarliestEvent", "GetUsersOverview", "GetUserSignals", "GetUserNames", "GetCardLayout", "SaveCardLayout", "DeleteCardLayout",
         "GetPreferences", "SavePreferences", "DeletePreferences"];
}
