using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ExecutiveDashboard.Exports.IntegrationTests.Digests;

/// <summary>
/// A test of the digests: a service of its own over a database of its own, sending to the collection's real SMTP server
/// (or to <see cref="SmtpConnection"/>), with its sender loop off so that each test runs the rounds itself
/// (<see cref="RunAsync"/>) on the service's fake clock. Each test's addresses are its own (<see cref="Email"/>).
/// </summary>
public abstract class DigestTests(ExportsServersFixture servers, SmtpServer smtp) : IAsyncLifetime
{
    protected ExportsServersFixture Servers { get; } = servers;

    protected SmtpServer Smtp { get; } = smtp;

    protected ExportsService Service { get; private set; } = null!;

    /// <summary>Where the service sends; the real server unless a test says otherwise.</summary>
    protected virtual string SmtpConnection => Smtp.ConnectionString;

    private readonly string _tag = Guid.NewGuid().ToString("N")[..12];

    public virtual Task InitializeAsync()
    {
        Service = Configure(Servers.NewService());
        Service.Dashboard.Overview = UnitTests.Csv.Dashboards.Small().Overview;
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Service.DisposeAsync();

    /// <summary>The settings every digest test runs with: this SMTP server, no loop of its own, a known public URL, and the
    /// key the service signs digests' tokens with (the test issuer's, which every service under test trusts).</summary>
    protected ExportsService Configure(ExportsService service)
    {
        service.Settings["ConnectionStrings:smtp"] = SmtpConnection;
        service.Settings["Digests:SenderEnabled"] = "false";
        service.Settings["Digests:PublicUrl"] = "https://dash.example.com";
        foreach (var (key, value) in TestIssuer.Everyone.SigningSettings)
        {
            service.Settings[key] = value;
        }
        return service;
    }

    protected string Email(string who) => $"{who}-{_tag}@example.com";

    protected static string Body(params object[] digests) => System.Text.Json.JsonSerializer.Serialize(new { digests });

    protected static object Weekly(string scope, string email, string weekday = "monday", string localTime = "09:00", string timeZone = "Europe/Paris") =>
        new { scope, cadence = "weekly", weekday, localTime, timeZone, email };

    protected static object Daily(string scope, string email, string localTime = "09:00", string timeZone = "Europe/Paris") =>
        new { scope, cadence = "daily", localTime, timeZone, email };

    protected static async Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        await client.PutAsync(DigestsApiRoute, new StringContent(body, Encoding.UTF8, "application/json"));

    protected static async Task<DigestList> SaveAsync(HttpClient client, string body)
    {
        using var response = await PutAsync(client, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DigestList>())!;
    }

    protected static async Task<DigestList> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<DigestList>(DigestsApiRoute))!;

    protected const string DigestsApiRoute = "/api/users/me/digests";

    /// <summary>Moves the service's clock to <paramref name="at"/> and runs one round of its sender.</summary>
    protected Task<int> RunAtAsync(DateTime at, ExportsService? service = null)
    {
        service ??= Service;
        if (at > service.Now)
        {
            service.Clock.SetUtcNow(at);
        }
        return RunAsync(service);
    }

    protected static Task<int> RunAsync(ExportsService service) =>
        service.Services.GetRequiredService<DigestSender>().RunOnceAsync(CancellationToken.None);

    protected async Task<IReadOnlyList<MimeMessage>> MailsToAsync(string email) =>
        [.. (await Smtp.MessagesToAsync(email)).Select(raw => MimeMessage.Load(new MemoryStream(raw)))];

    protected HttpClient Person(string subject, string workspaces, string role = Roles.Ceo) => Service.ClientFor(role, workspaces, subject, "Dana");
}
