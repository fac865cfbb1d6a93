namespace ExecutiveDashboard.Contracts.Services;

/// <summary>
/// One back-end service of the dashboard, as the app model, the gateway, the other services and the tests name it. Its
/// resource, database, address and routes follow from its <see cref="Name"/> by the app model's conventions, so that a
/// new service is one entry of <see cref="ServiceCatalog"/>.
/// </summary>
/// <param name="Name">How events (<c>MetricsChanged.Service</c>), the gateway and URLs name it: <c>executions</c>.</param>
/// <param name="Feeds">The dashboard sections its overview answer fills: the gateway names them in <c>meta.degraded</c>
/// when it cannot answer, and asks it for them alone (<c>?sections=</c>).</param>
/// <param name="Changes">The sections whose numbers a change of its data can alter: its <c>MetricsChanged</c> name them,
/// and so do the real-time frames that make the page refetch them.</param>
public sealed record BackendService(string Name, IReadOnlyList<string> Feeds, IReadOnlyList<string> Changes)
{
    /// <summary>A service whose changes alter exactly the sections it feeds.</summary>
    public BackendService(string name, IReadOnlyList<string> feeds) : this(name, feeds, feeds)
    {
    }

    /// <summary>Its resource in the app model, and its host in service discovery: <c>executions-api</c>.</summary>
    public string ResourceName => $"{Name}-api";

    /// <summary>Its own database, which no other service reads: <c>executionsdb</c>.</summary>
    public string Database => $"{Name}db";

    /// <summary>Its base address through service discovery: <c>http://executions-api</c>.</summary>
    public Uri Address => new($"http://{ResourceName}");

    /// <summary>The prefix of its HTTP routes, which the gateway proxies as they are: <c>/api/executions</c>.</summary>
    public string RoutePrefix => $"/api/{Name}";

    /// <summary>The RabbitMQ queue of a service that ingests events (users, executions, billing), which takes the same JSON
    /// batches as <c>POST {RoutePrefix}/events</c>: <c>executions-ingest</c>.</summary>
    public string IngestQueue => $"{Name}-ingest";
}
