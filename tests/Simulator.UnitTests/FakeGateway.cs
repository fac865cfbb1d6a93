using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>An in-memory gateway: records each ingest batch in arrival order, answers 202 (or what a test asks).</summary>
public sealed class FakeGateway : HttpMessageHandler
{
    public ConcurrentQueue<(string Path, List<(string Id, DateTime At)> Events)> Batches { get; } = new();

    public Func<HttpRequestMessage, HttpResponseMessage?> Override { get; set; } = _ => null;

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://gateway") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Override(request) is { } response)
        {
            return response;
        }
        using var json = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var events = json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("eventId").GetString()!,
                DateTime.Parse(e.GetProperty(e.TryGetProperty("completedAt", out _) ? "completedAt" : "occurredAt").GetString()!,
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)))
            .ToList();
        Batches.Enqueue((request.RequestUri!.AbsolutePath, events));
        return new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent($$"""{"accepted":{{events.Count}},"duplicates":0}""", Encoding.UTF8, "application/json"),
        };
    }
}
