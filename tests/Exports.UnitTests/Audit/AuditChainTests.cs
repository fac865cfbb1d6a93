using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Model;

namespace ExecutiveDashboard.Exports.UnitTests.Audit;

/// <summary>The canonical JSON and the hashes are written out by hand; the hashes were computed apart from the code, with
/// <c>printf '%s' "$previous$json" | sha256sum</c>.</summary>
public sealed class AuditChainTests
{
    private static readonly AuditRecord First = new(
        Guid.Parse("01938a4c-1b2e-7c3d-8e4f-5a6b7c8d9e0f"),
        new DateTime(2026, 12, 6, 8, 10, 22, DateTimeKind.Utc).AddTicks(1_234_567),
        "user-1", "Ada Lovelace", "ceo", ["ws_a", "ws_b"], "ws_a", "30d",
        new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc), "pdf", ExportOutcome.Ok, 200, 12345,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 842, "203.0.113.7",
        "Mozilla/5.0 \"quoted\" back\\slash\nline\u0001é😀", Hash: "");

    private const string FirstJson =
        """{"id":"01938a4c-1b2e-7c3d-8e4f-5a6b7c8d9e0f","at":"2026-12-06T08:10:22.123456Z","subject":"user-1","name":"Ada Lovelace","role":"ceo","tokenWorkspaces":["ws_a","ws_b"],"scope":"ws_a","timeframe":"30d","asOf":"2026-12-06T08:00:00.000000Z","format":"pdf","outcome":"ok","status":200,"bytes":12345,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","durationMs":842,"clientAddress":"203.0.113.7","userAgent":"Mozilla/5.0 \"quoted\" back\\slash\nline\u0001é😀"}""";

    private const string FirstHash = "45f68cbe25ac44281cb3cb7e1cd0d5349e935206445e79bd3d337580b43108d6";

    private static readonly AuditRecord Second = new(
        Guid.Parse("01938a4c-1b2f-7000-8000-000000000002"),
        new DateTime(2026, 12, 6, 8, 10, 23, DateTimeKind.Utc).AddTicks(10),
        null, null, null, [], "all", null, null, null, ExportOutcome.Denied, 401, null, null, 3, null, null, Hash: "");

    private const string SecondJson =
        """{"id":"01938a4c-1b2f-7000-8000-000000000002","at":"2026-12-06T08:10:23.000001Z","subject":null,"name":null,"role":null,"tokenWorkspaces":[],"scope":"all","timeframe":null,"asOf":null,"format":null,"outcome":"denied","status":401,"bytes":null,"sha256":null,"durationMs":3,"clientAddress":null,"userAgent":null}""";

    private const string SecondHash = "ab031caecfa13fe5c31dd4a9e4050d6fddd02ea5ad9b4cea2a4e994296aa3358";

    [Fact]
    public void The_canonical_json_has_every_field_but_the_hash_in_the_spec_order_with_times_to_the_microsecond()
    {
        Assert.Equal(FirstJson, AuditChain.CanonicalJson(First));
        Assert.Equal(SecondJson, AuditChain.CanonicalJson(Second));
    }

    [Fact]
    public void The_first_record_chains_from_64_zeros_and_the_next_from_its_hash()
    {
        Assert.Equal(new string('0', 64), AuditChain.GenesisHash);
        Assert.Equal(FirstHash, AuditChain.Hash(AuditChain.GenesisHash, First));
        Assert.Equal(SecondHash, AuditChain.Hash(FirstHash, Second));
    }

    [Fact]
    public void The_stored_hash_is_not_part_of_what_is_hashed() =>
        Assert.Equal(FirstHash, AuditChain.Hash(AuditChain.GenesisHash, First with { Hash = FirstHash }));

    [Fact]
    public void Any_change_of_a_field_changes_the_hash()
    {
        AuditRecord[] changed =
        [
            First with { Bytes = 12346 },
            First with { Outcome = ExportOutcome.Failed },
            First with { TokenWorkspaces = ["ws_b", "ws_a"] },
            First with { At = First.At.AddTicks(10) },
            First with { UserAgent = null },
            First with { Subject = "user-2" },
        ];
        Assert.All(changed, record => Assert.NotEqual(FirstHash, AuditChain.Hash(AuditChain.GenesisHash, record)));
    }

    [Fact]
    public void A_time_is_kept_to_the_microsecond_as_utc() =>
        Assert.Equal(new DateTime(2026, 12, 6, 8, 10, 22, DateTimeKind.Utc).AddTicks(1_234_560),
            AuditChain.ToMicrosecond(First.At));

    [Fact]
    public void A_download_hashes_as_records_did_before_channels_existed() =>
        Assert.Equal(SecondHash, AuditChain.Hash(FirstHash, Second with { Channel = ExportChannel.Download }));

    /// <summary>Computed apart from the code: <c>printf '%s' "$FirstHash$json" | sha256sum</c>.</summary>
    [Fact]
    public void A_digest_names_its_channel_last_and_so_hashes_apart_from_a_download()
    {
        var digest = Second with { Channel = ExportChannel.Digest };
        Assert.Equal(SecondJson[..^1] + ""","channel":"digest"}""", AuditChain.CanonicalJson(digest));
        Assert.Equal("6c6761eb88106286f9c489fe8957614df864edabe0a02278cad8c44ff04c54e6", AuditChain.Hash(FirstHash, digest));
    }
}
