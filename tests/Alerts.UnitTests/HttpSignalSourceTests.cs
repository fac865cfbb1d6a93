using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutiveDashboard.Alerts.Evaluation;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using static ExecutiveDashboard.Alerts.UnitTests.Given;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>Which service the signal source asks what: the users service only for the goals' daily active users, and only of
/// the scopes with a dau goal. The services' answers are canned here (their endpoints have integration tests).</summary>
public sealed class HttpSignalSourceTests
{
    private static readonly ActiveUsersDay[] Daily = [new(Now.AddDays(-1), 3), new(Now, 5)];

    private readonly Services _services = new();

    private HttpSignalSource Source => new(_services, NullLogger<HttpSignalSource>.Instance);

    [Fact]
    public async Task Goals_read_the_daily_active_users_of_the_scopes_with_a_dau_goal_alone()
    {
        var history = await ((IGoalHistorySource)Source).ReadAsync(["ws_a", "ws_b"], ["ws_b"], Now, CancellationToken.None);

        var asked = _services.Asked[ServiceCatalog.Users.Name];
        Assert.Equal(["ws_b"], asked.Scopes);
        Assert.Equal(IGoalHistorySource.Days, asked.Days);
        Assert.Equal(["ws_a", "ws_b"], _services.Asked[ServiceCatalog.Billing.Name].Scopes);
        Assert.Equal(Daily, history["ws_b"].ActiveUsers!);
        Assert.Null(history["ws_a"].ActiveUsers);
    }

    [Fact]
    public async Task Without_a_dau_goal_or_for_the_rules_the_users_service_is_not_asked()
    {
        var history = await ((IGoalHistorySource)Source).ReadAsync(["ws_a"], [], Now, CancellationToken.None);
        await ((ISignalSource)Source).ReadAsync(["ws_a"], Now, CancellationToken.None);

        Assert.Null(history["ws_a"].ActiveUsers);
        Assert.False(_services.Asked.ContainsKey(ServiceCatalog.Users.Name));
        Assert.True(_services.Asked.ContainsKey(ServiceCatalog.Billing.Name));
    }

    /// <summary>Each service's client answers every scope asked: the users service with <see cref="Daily"/>, the others with
    /// an empty object.</summary>
    private sealed class Services : HttpMessageHandler, IHttpClientFactory
    {
        public ConcurrentDictionary<string, SignalsQuery> Asked { get; } = new();

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri($"http://{name}") };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var service = request.RequestUri!.Host;
            var query = (await request.Content!.ReadFromJsonAsync<SignalsQuery>(cancellationToken))!;
            Asked[service] = query;
            object answer = service == ServiceCatalog.Users.Name
                ? query.Scopes.ToDictionary(s => s, _ => new UserSignals(Now, 5, Daily))
                : new Dictionary<string, object>();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = JsonContent.Create(answer, options: JsonSerializerOptions.Web) };
        }
    }
}
