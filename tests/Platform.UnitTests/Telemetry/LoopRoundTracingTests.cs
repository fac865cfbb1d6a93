using System.Collections.Concurrent;
using System.Diagnostics;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ExecutiveDashboard.Platform.UnitTests.Telemetry;

/// <summary>What every service's sampler exports: a request's trace, and the integration events the outbox publishes, but
/// nothing of a background loop's round, neither its database calls nor the calls it makes to other services.</summary>
public sealed class LoopRoundTracingTests : IDisposable
{
    private static readonly ActivitySource Instrumentation = new("ExecutiveDashboard.Tests.Instrumentation");

    private readonly ConcurrentQueue<Activity> _exported = new();
    private readonly TracerProvider _tracing;

    public LoopRoundTracingTests() =>
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetSampler(IngestMessageSampler.ForEveryService(TimeProvider.System))
            .AddSource("ExecutiveDashboard.*")
            .AddProcessor(new Exported(_exported))
            .Build()!;

    public void Dispose() => _tracing.Dispose();

    [Fact]
    public async Task A_round_exports_nothing_and_tells_the_services_it_calls_not_to_trace_either()
    {
        ActivityContext? propagated = null;
        await RunOneRoundAsync(() =>
        {
            using (Instrumentation.StartActivity("SELECT … FROM outbox_messages", ActivityKind.Client))
            {
            }
            // An HTTP client propagates the current activity's context when its own span is not sampled.
            propagated = Activity.Current?.Context;
        });

        Assert.Empty(_exported);
        Assert.NotNull(propagated);
        Assert.False(propagated.Value.TraceFlags.HasFlag(ActivityTraceFlags.Recorded));
    }

    [Fact]
    public async Task What_a_round_detaches_is_traced_as_a_root_of_its_own()
    {
        await RunOneRoundAsync(() =>
        {
            using (LoopRounds.Detach())
            using (Instrumentation.StartActivity("ExecutiveDashboard.Contracts.IntegrationEvents:AlertTriggered send", ActivityKind.Producer))
            {
            }
            using (Instrumentation.StartActivity("DELETE FROM outbox_messages", ActivityKind.Client))
            {
            }
        });

        var published = Assert.Single(_exported);
        Assert.Equal(ActivityKind.Producer, published.Kind);
        Assert.Equal(default, published.ParentSpanId);
    }

    [Fact]
    public void A_request_is_traced_with_its_database_calls()
    {
        using (Instrumentation.StartActivity("GET /api/executive/overview", ActivityKind.Server))
        using (Instrumentation.StartActivity("SELECT … FROM run_rollups", ActivityKind.Client))
        {
        }

        Assert.Equal([ActivityKind.Client, ActivityKind.Server], _exported.Select(a => a.Kind));
    }

    private static async Task RunOneRoundAsync(Action work)
    {
        var health = new LoopHealth(TimeProvider.System, new LoopHealthOptions(TimeSpan.FromMinutes(1)), NullLogger<LoopHealth>.Instance);
        using var stop = new CancellationTokenSource();
        await new BackgroundLoop(health, TimeProvider.System, CancellationToken.None).RunAsync("outbox",
            _ =>
            {
                work();
                return Task.CompletedTask;
            },
            _ =>
            {
                stop.Cancel();
                return Task.CompletedTask;
            }, stop.Token);
    }

    private sealed class Exported(ConcurrentQueue<Activity> exported) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (activity.Recorded)
            {
                exported.Enqueue(activity);
            }
        }
    }
}
