using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>Random activity of a few users over about 100 days before <see cref="End"/>, sent in time order then late and
/// shuffled (so hours merge across batches and blocks), once for every test of <see cref="SpansEquivalenceTests"/>, which
/// only read it.</summary>
public sealed class ShuffledActivityFixture(UsersServersFixture servers) : SeededService<UsersService>(servers)
{
    public static readonly DateTime End = At("2026-11-29T12:00:00Z");

    private readonly List<(string Workspace, string User, DateTime At)> _events = [];

    /// <summary>Every event sent, for the expected values.</summary>
    public IReadOnlyList<(string Workspace, string User, DateTime At)> Events => _events;

    protected override async Task SeedAsync(UsersService service)
    {
        var random = new Random(7);
        var events = new List<JsonObject>();
        for (var session = 0; session < 400; session++)
        {
            // Sessions of a few events within one hour, so that cuts fall between a user's first and last
            // event of an hour; over ~100 days (two or three 64-day blocks); few users, so hours repeat.
            var (workspace, user) = ($"ws_{random.Next(0, 3)}", $"u{random.Next(0, 6)}");
            var hour = End.AddHours(-random.Next(0, 100 * 24));
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var at = hour.AddMilliseconds(-random.Next(0, 3_600_000));
                _events.Add((workspace, user, at));
                events.Add(Active($"r{events.Count}", workspace, user, at));
            }
        }
        // Most events in time order (rows grow by appending, and an hour continues across batches), the rest
        // late and shuffled (rows merge hour by hour).
        var inOrder = Enumerable.Range(0, events.Count * 3 / 5).OrderBy(i => _events[i].At).Select(i => events[i]);
        foreach (var batch in inOrder.Concat(events.Skip(events.Count * 3 / 5).OrderBy(_ => random.Next())).Chunk(97))
        {
            using var response = await service.Ingest.PostAsync("/api/users/events", Batch(batch));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
