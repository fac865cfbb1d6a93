using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Platform.Messaging;
using MassTransit;

namespace ExecutiveDashboard.Platform.UnitTests.Messaging;

public sealed class ConsumerHealthTests
{
    [Fact]
    public void A_message_its_context_and_its_batch_report_under_one_name()
    {
        Assert.Equal("consume RunsCompleted", ConsumerHealth.NameOf(typeof(RunsCompleted)));
        Assert.Equal("consume RunsCompleted", ConsumerHealth.NameOf(typeof(ConsumeContext<RunsCompleted>)));
        Assert.Equal("consume RunsCompleted", ConsumerHealth.NameOf(typeof(ConsumeContext<Batch<RunsCompleted>>)));
        Assert.Equal("consume RunsCompleted", ConsumerHealth.NameOf(typeof(Batch<RunsCompleted>)));
    }
}
