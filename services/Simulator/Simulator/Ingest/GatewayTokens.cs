using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Simulator.Ingest;

/// <summary>
/// The simulator's tokens: in Development, issued by the gateway's <c>POST /api/dev/token</c> (an <c>ingest</c> token
/// to send, a <c>ceo</c> token to read the overview), for every workspace; elsewhere, given in configuration
/// (there is no dev token endpoint outside Development). Dev tokens live 12 hours: a 401 makes the sender forget
/// them and ask again.
/// </summary>
/// <param name="issueDevTokens">Whether <c>/api/dev/token</c> may be asked (Development, or the CLI without <c>--token</c>).</param>
public sealed class GatewayTokens(HttpClient http, bool issueDevTokens, string? ingestToken, string? readerToken)
{
    private const string Name = "Demo simulator";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _ingest = ingestToken, _reader = readerToken;

    public async Task<string> IngestTokenAsync(CancellationToken cancellationToken) =>
        _ingest ?? await IssueAsync("ingest", t => _ingest = t, cancellationToken)
        ?? throw new InvalidOperationException("No ingest token: outside Development set Simulator:IngestToken (role ingest, workspaces *)");

    /// <summary>A token that may read the platform's overview, or null when none is configured.</summary>
    public async Task<string?> ReaderTokenAsync(CancellationToken cancellationToken) =>
        _reader ?? await IssueAsync("ceo", t => _reader = t, cancellationToken);

    public void Forget()
    {
        if (issueDevTokens)
        {
            _ingest = null;
            _reader = null;
        }
    }

    private async Task<string?> IssueAsync(string role, Action<string> keep, CancellationToken cancellationToken)
    {
        if (!issueDevTokens)
        {
            return null;
        }
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var response = await http.PostAsJsonAsync("/api/dev/token", new { role, workspaces = WorkspaceAccess.Everything, name = Name }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["token"]?.GetValue<string>()
                        ?? throw new InvalidOperationException("POST /api/dev/token answered without a token");
            keep(token);
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }
}
