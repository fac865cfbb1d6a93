using System.Text.Json;
using ExecutiveDashboard.Users.Model;
using Npgsql;
using NpgsqlTypes;

namespace ExecutiveDashboard.Users.Layouts;

/// <summary>Card layouts by token subject (<c>card_layouts</c>). The last save wins: one person rearranging in two
/// tabs is the only writer of their row.</summary>
public sealed class CardLayoutStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<CardLayout?> GetAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT cards::text, updated_at FROM card_layouts WHERE subject = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var cards = JsonSerializer.Deserialize<List<CardPlacement>>(reader.GetString(0), JsonSerializerOptions.Web) ?? [];
        return new CardLayout(cards, reader.GetFieldValue<DateTimeOffset>(1));
    }

    public async Task<CardLayout> SaveAsync(string subject, IReadOnlyList<CardPlacement> cards, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO card_layouts (subject, cards, updated_at) VALUES ($1, $2, $3)
            ON CONFLICT (subject) DO UPDATE SET cards = excluded.cards, updated_at = excluded.updated_at
            RETURNING updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(cards, JsonSerializerOptions.Web), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        // The stored timestamp (microseconds), so that a later GET answers the same updatedAt.
        var updatedAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CardLayout(cards, new DateTimeOffset(updatedAt, TimeSpan.Zero));
    }

    public async Task<bool> DeleteAsync(string subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM card_layouts WHERE subject = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
