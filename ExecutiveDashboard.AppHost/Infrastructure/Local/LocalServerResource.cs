namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

/// <summary>
/// A server (PostgreSQL, Redis, RabbitMQ) started by one of the <c>infra/*.sh</c> scripts as a local
/// process, listening on 127.0.0.1 at the port of its <c>tcp</c> endpoint.
/// </summary>
public sealed class LocalServerResource(
    string name,
    string repositoryRoot,
    Func<EndpointReference, ReferenceExpression> connectionString)
    : ExecutableResource(name, "bash", repositoryRoot), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>Registered name of the readiness check; databases on this server reuse it.</summary>
    public string HealthCheckKey => $"{Name}_check";

    public ReferenceExpression ConnectionStringExpression => connectionString(PrimaryEndpoint);
}
