namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

/// <summary>
/// A database on a local PostgreSQL server. Nothing runs for it: it only names the database in the
/// connection string, and the service that owns it creates it at start-up.
/// </summary>
public sealed class LocalDatabaseResource(string name, string databaseName, LocalServerResource parent)
    : Resource(name), IResourceWithParent<LocalServerResource>, IResourceWithConnectionString
{
    public LocalServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent.ConnectionStringExpression};Database={DatabaseName}");
}
