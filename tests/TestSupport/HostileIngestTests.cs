using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Hostile input is normal input at ingest: batches that mix valid events with random JSON values in every field, numbers
/// beyond every bound, control characters, lone surrogates, invalid UTF-8 bytes, missing fields, wrong types and huge strings.
/// Whatever is sent, the answer is never a 5xx, every 4xx is an RFC 7807 problem, and a refused batch stores nothing.
/// Each integration-test project runs them once through a tiny subclass in its own collection.
/// </summary>
public abstract class HostileIngestTests<TService>(ServersFixture<TService> servers) : ServiceTests<TService>(servers)
    where TService : IServiceUnderTest
{
    private const string Workspace = "ws_fuzz";

    private HttpClient _ingest = default!;

    /// <summary>One valid event of each type of this service for <paramref name="workspace"/> at <paramref name="at"/>, with the
    /// event id <c>id</c>; the first has the text field <see cref="TextField"/>.</summary>
    protected abstract JsonObject[] ValidEvents(string workspace, DateTime at);

    /// <summary>A free-text field of the first of <see cref="ValidEvents"/>.</summary>
    protected abstract string TextField { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ingest = Service.Ingest;
    }

    public override async Task DisposeAsync()
    {
        _ingest.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task No_batch_gets_a_5xx_and_a_refused_batch_stores_nothing()
    {
        var templates = ValidEvents(Workspace, DateTime.UtcNow.AddHours(-1)).Select(Fields).ToArray();
        var (accepted, refused) = (0, 0);

        await Batches(templates).SampleAsync(async batch =>
        {
            var before = await StoredRowsAsync();
            using var response = await PostAsync(batch.Body);
            var status = (int)response.StatusCode;

            Assert.True(status < 500, $"{status} for {Show(batch.Body)}: {await response.Content.ReadAsStringAsync()}");
            if (batch.Pristine)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, await StoredRowsAsync());
                refused++;
            }
            else
            {
                accepted++;
            }
        }, iter: 300, threads: 1, print: batch => Show(batch.Body));

        // Both sides of the property were exercised.
        Assert.True(accepted > 10 && refused > 10, $"{accepted} accepted, {refused} refused");
    }

    /// <summary>
    /// The bus reads a batch as HTTP does: each fuzzed batch is posted, then published raw to the service's ingest queue.
    /// A batch HTTP refused is dead-lettered with the same status, title and fields in error, storing nothing; a batch
    /// HTTP accepted is, over the bus, only duplicates: nothing more is stored and nothing is refused.
    /// </summary>
    [Fact]
    public async Task The_bus_gives_every_fuzzed_batch_the_verdict_HTTP_gives()
    {
        var templates = ValidEvents(Workspace, DateTime.UtcNow.AddHours(-1)).Select(Fields).ToArray();
        await using var queue = Service.IngestQueue();
        var refusedBefore = await queue.RefusedCountAsync();
        var (accepted, refused) = (0, 0);

        await Batches(templates).SampleAsync(async batch =>
        {
            using var response = await PostAsync(batch.Body);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{status} for {Show(batch.Body)}");
            var stored = await StoredRowsAsync();

            await queue.PublishAsync(batch.Body);

            if (status >= 400)
            {
                var answered = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                var (problem, body) = await queue.NextRefusedAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(batch.Body, body);
                Assert.Equal((status, answered["title"]!.GetValue<string>()), (problem["status"]!.GetValue<int>(), problem["title"]!.GetValue<string>()));
                // The header names the first errors, and counts the others.
                var (named, all) = (ErrorKeys(problem), ErrorKeys(answered));
                Assert.Subset(all, named);
                Assert.Equal(all.Count, named.Count + (problem["errorsNotNamed"]?.GetValue<int>() ?? 0));
                Assert.Equal(stored, await StoredRowsAsync());
                refused++;
            }
            else
            {
                accepted++;
            }
        }, iter: 100, threads: 1, print: batch => Show(batch.Body));

        // Every accepted batch went over the bus too: once a batch published after them all is stored, none was refused
        // and only the last one's id was claimed (ingested_events is the first of the ingest tables).
        var claimed = (await StoredRowsAsync())[0];
        var last = ValidEvents(Workspace, DateTime.UtcNow.AddHours(-1))[0];
        last["eventId"] = $"fz-last-{Guid.NewGuid():N}";
        await queue.PublishAsync(Batch([Fields(last)]));
        await Poll.UntilAsync("the last published batch stored", async () => (await StoredRowsAsync())[0] > claimed, TimeSpan.FromSeconds(30));
        Assert.Equal(claimed + 1, (await StoredRowsAsync())[0]);
        Assert.Equal(refusedBefore, await queue.RefusedCountAsync());
        Assert.True(accepted > 5 && refused > 5, $"{accepted} accepted, {refused} refused");
    }

    private static HashSet<string> ErrorKeys(JsonObject problem) =>
        [.. problem["errors"]?.AsObject().Select(e => e.Key) ?? []];

    [Fact]
    public async Task Raw_invalid_UTF_8_is_a_400_and_stores_nothing()
    {
        var valid = ValidEvents(Workspace, DateTime.UtcNow.AddHours(-1))[0];
        var text = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(valid[TextField]!.GetValue<string>()));

        // Invalid bytes inside the text field, in a property name, and a body that is not UTF-8 at all.
        foreach (var (body, key) in new (byte[], string)[]
        {
            (Splice(valid, TextField, [.. text[..^1], 0xC3, 0x28, (byte)'"']), $"[0].{TextField}"),
            (Splice(valid, TextField, [.. text[..^1], 0xED, 0xA0, 0x80, (byte)'"']), $"[0].{TextField}"), // an encoded surrogate
            (Splice(valid, TextField, [.. text, .. ", \"x"u8, 0xFF, .. "\": 1"u8]), "[0].$"),
            ([0xFF, 0xFE, 0x5B, 0x00, 0x7B, 0x00], "Malformed JSON"),
            ([(byte)'[', 0xC0, 0xAF, (byte)']'], "Malformed JSON"),
        })
        {
            using var response = await PostAsync(body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(problem["errors"]?.AsObject().ContainsKey(key) ?? problem["title"]!.GetValue<string>() == key, problem.ToJsonString());
        }
        Assert.All(await StoredRowsAsync(), count => Assert.Equal(0, count));
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _ingest.PostAsync($"{Service.ApiPrefix}/events", content);
    }

    private async Task<long[]> StoredRowsAsync()
    {
        var counts = new long[Service.IngestTables.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = await Service.ScalarAsync($"SELECT count(*) FROM {Service.IngestTables[i]}");
        }
        return counts;
    }

    /// <summary>An event as its fields' names and raw JSON values, so that a value can be any bytes at all.</summary>
    private static (string Name, byte[] Value)[] Fields(JsonObject e) =>
        e.Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value?.ToJsonString() ?? "null"))).ToArray();

    /// <summary>The event's JSON with the raw bytes of <paramref name="field"/>'s value replaced.</summary>
    private static byte[] Splice(JsonObject e, string field, byte[] value) =>
        Batch([Fields(e).Select(f => f.Name == field ? (f.Name, value) : f).ToArray()]);

    private static byte[] Batch(IEnumerable<(string Name, byte[] Value)[]> events)
    {
        var body = new List<byte> { (byte)'[' };
        var first = true;
        foreach (var e in events)
        {
            body.AddRange(first ? "{"u8.ToArray() : ",{"u8.ToArray());
            first = false;
            for (var i = 0; i < e.Length; i++)
            {
                body.AddRange(Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + JsonSerializer.Serialize(e[i].Name) + ":"));
                body.AddRange(e[i].Value);
            }
            body.Add((byte)'}');
        }
        body.Add((byte)']');
        return [.. body];
    }

    private sealed record FuzzBatch(byte[] Body, bool Pristine);

    /// <summary>1–8 events, each a valid one of a random type (half of them as they are) with 1–3 of its fields removed, replaced by a hostile value, or
    /// joined by an unknown field; each event gets a fresh id unless its id is what was replaced.</summary>
    private static Gen<FuzzBatch> Batches((string Name, byte[] Value)[][] templates)
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 15], HostileValue);
        var fuzzEvent = Gen.Select(Gen.Int[0, templates.Length - 1], Gen.Int[0, 5].Select(n => Math.Max(0, n - 2)), Gen.ULong)
            .SelectMany((template, mutations, id) => mutation.Array[mutations].Select(m => Mutate(templates[template], id, m)));
        return fuzzEvent.Array[1, 8].Select(events => new FuzzBatch(Batch(events.Select(e => e.Fields)), events.All(e => e.Pristine)));
    }

    private static ((string Name, byte[] Value)[] Fields, bool Pristine) Mutate(
        (string Name, byte[] Value)[] template, ulong id, (int Kind, int Field, byte[] Value)[] mutations)
    {
        var fields = template.Select(f => f.Name == "eventId" ? (f.Name, Encoding.UTF8.GetBytes($"\"fz-{id}\"")) : f).ToList();
        foreach (var (kind, field, value) in mutations)
        {
            var at = field % fields.Count;
            switch (kind)
            {
                case 0:
                    fields.RemoveAt(at);
                    break;
                case 1:
                    fields[at] = (fields[at].Name, value);
                    break;
                default:
                    fields.Add(($"x{field}", value));
                    break;
            }
            if (fields.Count == 0)
            {
                fields.Add(("eventId", value));
            }
        }
        return ([.. fields], mutations.Length == 0);
    }

    /// <summary>A value that a client might send by mistake or on purpose, as raw JSON bytes (some of them not even JSON).</summary>
    private static readonly Gen<byte[]> HostileValue = Gen.Frequency<byte[]>(
        (3, Gen.OneOf<string>(
            "null", "true", "false", "0", "-0", "-1", "1e15", "1e20", "1e30", "1e400", "-1e400", "1e-400", "99999999999999",
            "1000000", "1000000.000001", "10000000", "10000000.000001", "0.0000000000000000000000000001",
            "123456789012345678901234567890.5", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}", "\"\"", "\" \"", "\"all\"", "\"*\"",
            "\"succeeded\"", "\"failed\"", "\"month\"", "\"USD\"", "\"usd\"", "\"EUR\"", "\"run.completed\"", "\"user.active\"",
            "\"marketing.spend\"", "\"2000-01-01T00:00:00Z\"", "\"1999-12-31T23:59:59.9999999Z\"", "\"0001-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"2026-11-28 10:00:00\"", "\"2026-11-28T10:00:00\"", "\"2026-11-28T10:00:00+14:00\"",
            "\"\\u0000\"", "\"a\\u0001b\"", "\"\\u007f\"", "\"\\u0085\"", "\"tab\\there\"", "\"\\ud800\"", "\"\\udc00x\"",
            "\"\\ud83d\\ude00\"", "\"line\\nbreak\"", "\"../..\"", "\"'; DROP TABLE runs; --\"", "\"ws 1\"", "[[[[[[[[[[[[]]]]]]]]]]]]")
            .Select(Encoding.UTF8.GetBytes)),
        (2, Gen.Double.Where(double.IsFinite).Select(d => Encoding.UTF8.GetBytes(d.ToString("R", CultureInfo.InvariantCulture)))),
        (1, Gen.Long.Select(l => Encoding.UTF8.GetBytes(l.ToString(CultureInfo.InvariantCulture)))),
        (2, Gen.Char.Array[0, 40].Select(chars => Encoding.UTF8.GetBytes(Escaped(chars)))),
        (1, Gen.Byte.Array[1, 6].Select(bytes => (byte[])[(byte)'"', .. bytes.Select(b => (byte)(b | 0x80)), (byte)'"'])),
        (1, Gen.Int[257, 300_000].Select(length => Encoding.UTF8.GetBytes($"\"{new string('x', length)}\""))),
        (1, Gen.Int[60, 80].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))));

    /// <summary>Any UTF-16 code units as a JSON string: each one escaped, so control characters and lone surrogates arrive as such.</summary>
    private static string Escaped(char[] chars) =>
        "\"" + string.Concat(chars.Select(c => c is >= ' ' and < '\x7f' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private static string Show(byte[] body) =>
        body.Length <= 2_000 ? Encoding.UTF8.GetString(body) : $"{Encoding.UTF8.GetString(body[..2_000])}… ({body.Length:N0} bytes)";
}
