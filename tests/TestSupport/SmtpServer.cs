using System.Net.Sockets;
using ExecutiveDashboard.AppHost.Infrastructure.Local;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A real SMTP server for integration tests: smtp4dev (infra/smtp4dev.sh, installed into the repository's .tools if
/// missing), which accepts every mail and keeps it, read back through its REST API (<see cref="Smtp4devMailbox"/>).
/// Tests sharing one server tell their mails apart by recipient: give each test addresses of its own.
/// </summary>
public sealed class SmtpServer() : LocalServer("smtp4dev.sh", TimeSpan.FromSeconds(120))
{
    private readonly int _webPort = FreeTcpPort.Next();
    private readonly HttpClient _web = new();

    public static Task<SmtpServer> StartAsync() => StartAsync(new SmtpServer());

    /// <summary>What the services take as <c>ConnectionStrings:smtp</c>.</summary>
    public override string ConnectionString => $"smtp://127.0.0.1:{Port}";

    private Uri Web => new($"http://127.0.0.1:{_webPort}");

    protected override IEnumerable<KeyValuePair<string, string>> ScriptEnvironment() =>
        [new("WEB_PORT", _webPort.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using (var smtp = new TcpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", Port, cancellationToken);
        }
        using var response = await _web.GetAsync(new Uri(Web, "/api/messages?pageSize=1"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>The raw MIME of every mail received for <paramref name="address"/> (any of its recipients), oldest first.</summary>
    public Task<IReadOnlyList<byte[]>> MessagesToAsync(string address) => new Smtp4devMailbox(Web).MessagesToAsync(address);
}
