using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// An export is news to the scope's viewers: the exports service's <c>ExportGenerated</c> (outbox, RabbitMQ) reaches the
/// gateway, whose WebSocket gives the workspace's subscribers and the platform's an activity line "Dana exported the
/// 7-day CSV", keyed by the audit record's id; a subscriber of another workspace never gets it.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsLiveFeedTests(DashboardApp app)
{
    private const string Dana = "exp_live_a", Omar = "exp_live_b";

    [Fact]
    public async Task The_scope_and_the_platform_see_who_exported_and_another_workspace_does_not()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var dana = await app.SignInAsync("ceo", Dana, "Dana Live");
        var omar = await app.SignInAsync("ceo", Omar, "Omar Other");
        await using var danaFeed = await SubscribedAsync(dana, Dana, cts.Token);
        await using var omarFeed = await SubscribedAsync(omar, Omar, cts.Token);
        await using var platformFeed = await SubscribedAsync(await app.SignInAsync("admin", "*"), "all", cts.Token);

        var export = await ExportAnswer.GetAsync(dana, $"workspace_id={Dana}&timeframe=7d&format=csv");
        Assert.True(export.Status == HttpStatusCode.OK, export.ToString());

        var line = await ActivityAsync(danaFeed, $"export:{export.AuditId}", cts.Token);
        Assert.Equal(("export.generated", Dana, "Dana Live exported the 7-day CSV"),
            ((string?)line["kind"], (string?)line["workspaceId"], (string?)line["text"]));
        Assert.Equal(line.ToJsonString(), (await ActivityAsync(platformFeed, $"export:{export.AuditId}", cts.Token)).ToJsonString());

        // Omar's feed stays silent about Dana: his own export's line comes, and nothing of Dana's came before it (the
        // gateway sends the lines in the order it consumed the events, and Dana's was consumed before Omar exported).
        var his = await ExportAnswer.GetAsync(omar, $"workspace_id={Omar}&timeframe=30d&format=pdf");
        Assert.True(his.Status == HttpStatusCode.OK, his.ToString());
        var frames = new List<JsonObject>();
        while (frames.Count == 0 || (string?)frames[^1]["id"] != $"export:{his.AuditId}")
        {
            frames.Add(await omarFeed.ReceiveAsync(cts.Token) ?? throw new InvalidOperationException($"the gateway closed Omar's socket: {omarFeed.CloseStatus}"));
        }
        Assert.Equal("Omar Other exported the 30-day PDF", (string?)frames[^1]["text"]);
        Assert.All(frames, f => Assert.Equal(Omar, (string?)f["workspaceId"]));
    }

    private async Task<LiveSocket> SubscribedAsync(HttpClient client, string scope, CancellationToken cancellationToken)
    {
        var socket = await LiveSocket.ConnectAsync(app.Gateway.BaseAddress!, client.DefaultRequestHeaders.Authorization!.Parameter, cancellationToken);
        await socket.SubscribeAsync(scope, cancellationToken);
        return socket;
    }

    /// <summary>The activity frame with this id; other frames (metrics updates, other lines) are passed over.</summary>
    private static async Task<JsonObject> ActivityAsync(LiveSocket feed, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await feed.ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException($"the gateway closed the socket: {feed.CloseStatus}");
            if ((string?)frame["event"] == "activity" && (string?)frame["id"] == id)
            {
                return frame;
            }
        }
    }
}
