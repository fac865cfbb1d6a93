using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class BillingServersFixture() : ServersFixture<BillingService>("billing", (database, broker) => new(database, broker));
