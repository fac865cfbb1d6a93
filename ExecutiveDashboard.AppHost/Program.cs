using ExecutiveDashboard.AppHost;
using ExecutiveDashboard.AppHost.Diagnostics;
using ExecutiveDashboard.AppHost.Infrastructure;
using ExecutiveDashboard.AppHost.Infrastructure.Local;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
builder.AddStartupWatchdog();

// PostgreSQL, Redis and RabbitMQ: containers when an engine answers, local processes otherwise.
var infra = builder.AddInfrastructure();

var executionsApi = builder.AddService<Projects.Executions_Api>(ServiceCatalog.Executions, infra);
var usersApi = builder.AddService<Projects.Users_Api>(ServiceCatalog.Users, infra);
var billingApi = builder.AddService<Projects.Billing_Api>(ServiceCatalog.Billing, infra);
// The alerts service reads its rules' and goals' inputs from the services that own the numbers, with service tokens it signs.
var alertsApi = builder.AddService<Projects.Alerts_Api>(ServiceCatalog.Alerts, infra)
    .WithTokenSigningKey(TokenIssuer.Alerts)
    .WithReference(executionsApi).WaitFor(executionsApi)
    .WithReference(billingApi).WaitFor(billingApi)
    .WithReference(usersApi).WaitFor(usersApi);
// Digests are mailed through Smtp:Host when one is configured; otherwise through a local smtp4dev, whose web UI shows
// every mail sent. The exports service signs the tokens a digest's numbers are read with.
var exportsApi = builder.AddService<Projects.Exports_Api>(ServiceCatalog.Exports, infra)
    .WithTokenSigningKey(TokenIssuer.Exports);
if (string.IsNullOrEmpty(builder.Configuration["Smtp:Host"]))
{
    var smtp = builder.AddLocalSmtp4dev(LocalServerExtensions.SmtpResource);
    exportsApi.WithReference(smtp).WaitFor(smtp);
}

var gateway = builder.AddProject<Projects.Gateway>(ServiceCatalog.Gateway)
    .WithSharedSettings()
    .WithConfiguredReplicas()
    // The development tokens of /api/dev/token.
    .WithTokenSigningKey(TokenIssuer.Gateway)
    .WithHttpEndpointOnPort(builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithHttpHealthCheck(ServiceExtensions.ServiceHealthPath)
    .WithExternalHttpEndpoints()
    // The page built by web/'s `npm run build` (run.sh and test.sh build it).
    .WithEnvironment("Web__Root", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "web", "dist")))
    .WithReference(infra.Redis).WaitFor(infra.Redis)
    .WithReference(infra.RabbitMq).WaitFor(infra.RabbitMq)
    .WithReference(executionsApi).WaitFor(executionsApi)
    .WithReference(usersApi).WaitFor(usersApi)
    .WithReference(billingApi).WaitFor(billingApi)
    .WithReference(alertsApi).WaitFor(alertsApi)
    // Not waited for: the exports service itself waits for the gateway, whose composed overview it reads.
    .WithReference(exportsApi);
exportsApi.WithReference(gateway).WaitFor(gateway)
    // The digests' links to the dashboard.
    .WithEnvironment("Digests__PublicUrl", gateway.GetEndpoint("http"));

// Demo data: 90 days of a generated platform posted through the gateway, then a live trickle. run.sh turns it on
// (Demo__Enabled=true) unless --no-demo; tests and benchmarks leave it off and get an empty system.
if (builder.Configuration.GetValue<bool>("Demo:Enabled"))
{
    builder.AddProject<Projects.Simulator>("simulator")
        .WithSharedSettings()
        .WithHttpEndpointOnPort(port: null)
        .WithHttpHealthCheck(ServiceExtensions.ServiceHealthPath)
        .WithReference(gateway).WaitFor(gateway);
}

builder.Build().Run();
