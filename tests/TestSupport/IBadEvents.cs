using System.Text.Json.Nodes;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>A service's events that ingest must refuse, for <see cref="IngestContractTests{TService, TBadEvents}"/>.</summary>
public interface IBadEvents
{
    /// <summary>Events with the id <c>bad-1</c>, each with the key of the error that names it as the second event of a batch
    /// (<c>[1].field</c>).</summary>
    static abstract TheoryData<JsonObject, string> BadEvents { get; }
}
