using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Contracts.Dashboard;

/// <param name="Degraded">Sections whose service failed or timed out: empty, their numbers null.</param>
/// <param name="CatchingUp">Sections that answered without some events already accepted (a backfill is
/// ahead of the rollups); their numbers grow to the full values within seconds.</param>
/// <param name="Sections">Only in an answer to <c>?sections=…</c>: the sections it holds (every section of each service
/// that feeds one of those asked); the others hold their empty values and are to be kept from an earlier answer.
/// Absent from a whole overview.</param>
public sealed record DashboardMeta(
    DateTime GeneratedAt,
    DateTime AsOf,
    bool Cached,
    IReadOnlyList<string> Degraded,
    IReadOnlyList<string> CatchingUp,
    IReadOnlyDictionary<string, MetricInfo> MetricInfo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sections = null);
