using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Reads;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Executions.Telemetry;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.ServiceDefaults.OpenApi;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Executions.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMigratedDatabase(ServiceCatalog.Executions.Database, typeof(Extensions).Assembly);
        builder.AddEventBus();
        builder.AddOutbox();
        builder.AddIngest();
        builder.AddScopeBounds();
        builder.Services.AddSingleton<IngestQuarantine>();
        builder.Services.AddSingleton<RollupFolder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RollupFolder>());
        builder.Services.AddSingleton<ExecutionEventStore>();
        builder.AddIngestQueue<ExecutionEventStore, ExecutionEvent>(ServiceCatalog.Executions.IngestQueue);
        builder.Services.AddSingleton<ExecutionsMetrics>();
        builder.Services.AddSingleton<RunLeaderboards>();
        builder.Services.AddSingleton<RunLeaderboardFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunLeaderboardFeed>());
        builder.Services.AddSingleton<RunRollupReader>();
        builder.Services.AddSingleton<ExecutionsOverviewQuery>();
        builder.Services.AddSingleton<WholeHourP95s>();
        builder.Services.AddSingleton<ExecutionSignalsQuery>();
        builder.AddWarmUp<ExecutionsWarmUp>();
        builder.AddDefaultOpenApi();
        return builder;
    }
}
