using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.TestSupport;
using Npgsql;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>The audit as stored: the database refuses every change, appends from many requests and from two replicas form
/// one chain, and a record changed or removed behind the service's back is named by <c>/api/exports/audit/verify</c>.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditStorageTests(ExportsServersFixture servers) : ServiceTests<ExportsService>(servers)
{
    private const string Trigger = "export_audit_append_only";

    [Theory]
    [InlineData("UPDATE export_audit SET bytes = 1")]
    [InlineData("UPDATE export_audit SET hash = hash WHERE false")]
    [InlineData("DELETE FROM export_audit")]
    [InlineData("DELETE FROM export_audit WHERE seq = (SELECT max(seq) FROM export_audit)")]
    [InlineData("TRUNCATE export_audit")]
    public async Task The_database_refuses_to_change_or_remove_a_record(string sql)
    {
        var stored = await Service.Audit.AppendAsync(AuditEntries.Export("ws_a"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
        Assert.Contains("append-only", refused.MessageText);

        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM export_audit"));
        Assert.Equal(new AuditVerification(1, true, null), await Service.Audit.VerifyAsync(CancellationToken.None));
        Assert.Equal(stored.Stored(), Assert.Single((await ListAllAsync()).Items).Stored());
    }

    [Fact]
    public async Task What_append_returns_is_what_is_stored_and_listed()
    {
        var entry = AuditEntries.Export("ws_a") with { AsOf = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567) };
        var stored = await Service.Audit.AppendAsync(entry, CancellationToken.None);

        Assert.Equal(AuditChain.ToMicrosecond(Service.Now), stored.At);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560), stored.AsOf);
        Assert.Equal(7, stored.Id.Version);
        Assert.Equal(AuditChain.Hash(AuditChain.GenesisHash, stored), stored.Hash);
        Assert.Equal(stored.Stored(), Assert.Single((await ListAllAsync()).Items).Stored());
    }

    [Fact]
    public async Task Text_the_database_cannot_hold_is_recorded_as_replacement_characters()
    {
        var stored = await Service.Audit.AppendAsync(
            AuditEntries.Export("ws\0_1") with { UserAgent = "agent\0\u0001", TokenWorkspaces = ["ws\0"] }, CancellationToken.None);

        Assert.Equal(("ws\uFFFD_1", "agent\uFFFD\uFFFD", "ws\uFFFD"), (stored.Scope, stored.UserAgent, stored.TokenWorkspaces[0]));
        Assert.Equal(stored.Stored(), Assert.Single((await ListAllAsync()).Items).Stored());
        Assert.True((await Service.Audit.VerifyAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Two_hundred_concurrent_appends_form_one_chain()
    {
        var audit = Service.Audit;
        var appended = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => audit.AppendAsync(AuditEntries.Export($"ws_{i % 7}", subject: $"user-{i}"), CancellationToken.None))));

        Assert.Equal(new AuditVerification(200, true, null), await audit.VerifyAsync(CancellationToken.None));
        Assert.Equal(200, appended.Select(r => r.Hash).Distinct().Count());
    }

    [Fact]
    public async Task Appends_from_two_replicas_form_one_chain()
    {
        await using var replica = Servers.Replica(Service);
        AuditLog[] replicas = [Service.Audit, replica.Audit];

        await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => replicas[i % 2].AppendAsync(AuditEntries.Export("ws_a", subject: $"user-{i}"), CancellationToken.None))));

        Assert.Equal(new AuditVerification(200, true, null), await replicas[1].VerifyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_audit_verifies()
    {
        var verification = await VerifyAsync();
        Assert.Equal(new AuditVerification(0, true, null), verification);
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        await AppendAsync(5);
        Assert.Equal(new AuditVerification(5, true, null), await VerifyAsync());
    }

    [Theory]
    [InlineData("bytes = bytes + 1")]
    [InlineData("outcome = 'denied', status = 403")]
    [InlineData("subject = 'someone-else'")]
    [InlineData("token_workspaces = ARRAY['*']")]
    [InlineData("at = at + interval '1 microsecond'")]
    [InlineData("user_agent = NULL")]
    public async Task A_record_changed_in_the_database_is_named_by_verify(string change)
    {
        var records = await AppendAsync(5);

        await TamperAsync($"UPDATE export_audit SET {change} WHERE id = $1", records[2].Id);

        Assert.Equal(new AuditVerification(5, false, records[2].Id), await VerifyAsync());
    }

    [Fact]
    public async Task A_record_changed_with_a_hash_recomputed_for_it_leaves_its_successor_unchained()
    {
        var records = await AppendAsync(5);
        var forged = records[2] with { Bytes = 1 };

        await TamperAsync("UPDATE export_audit SET bytes = 1, hash = $2 WHERE id = $1", records[2].Id,
            AuditChain.Hash(records[1].Hash, forged));

        Assert.Equal(new AuditVerification(5, false, records[3].Id), await VerifyAsync());
    }

    [Fact]
    public async Task A_record_removed_from_the_middle_is_named_by_its_successor()
    {
        var records = await AppendAsync(5);

        await TamperAsync("DELETE FROM export_audit WHERE id = $1", records[2].Id);

        Assert.Equal(new AuditVerification(4, false, records[3].Id), await VerifyAsync());
    }

    [Fact]
    public async Task The_first_record_removed_is_named_by_the_new_first()
    {
        var records = await AppendAsync(3);

        await TamperAsync("DELETE FROM export_audit WHERE id = $1", records[0].Id);

        Assert.Equal(new AuditVerification(2, false, records[1].Id), await VerifyAsync());
    }

    private async Task<AuditRecord[]> AppendAsync(int count)
    {
        var records = new AuditRecord[count];
        for (var i = 0; i < count; i++)
        {
            Service.Clock.Advance(TimeSpan.FromSeconds(1));
            records[i] = await Service.Audit.AppendAsync(AuditEntries.Export($"ws_{i}"), CancellationToken.None);
        }
        return records;
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        using var response = await Service.Ceo.GetAsync("/api/exports/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditVerification>())!;
    }

    private async Task<AuditPage> ListAllAsync()
    {
        using var response = await Service.Ceo.GetAsync("/api/exports/audit?limit=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditPage>())!;
    }

    /// <summary>As the table's owner or a superuser could: the trigger off for one transaction.</summary>
    private async Task TamperAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new($"ALTER TABLE export_audit DISABLE TRIGGER {Trigger}"),
                new(sql),
                new($"ALTER TABLE export_audit ENABLE TRIGGER {Trigger}"),
            },
        };
        foreach (var parameter in parameters)
        {
            batch.BatchCommands[1].Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await batch.ExecuteNonQueryAsync();
        Assert.Equal(1, batch.BatchCommands[1].RecordsAffected);
        await transaction.CommitAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
