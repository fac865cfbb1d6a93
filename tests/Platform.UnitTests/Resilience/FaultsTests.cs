using System.Text.Json;
using ExecutiveDashboard.Platform.Resilience;
using Npgsql;

namespace ExecutiveDashboard.Platform.UnitTests.Resilience;

public sealed class FaultsTests
{
    [Theory]
    [InlineData("22003", true)]    // numeric field overflow: a sum the folder cannot store
    [InlineData("22P02", true)]    // invalid text representation
    [InlineData("23505", true)]    // unique violation
    [InlineData("40001", false)]   // serialization failure: try again
    [InlineData("40P01", false)]   // deadlock
    [InlineData("57P01", false)]   // admin shutdown
    [InlineData("53300", false)]   // too many connections
    [InlineData("08006", false)]   // connection failure
    [InlineData("42P01", false)]   // undefined table: a deployment fault, not the data's
    public void Postgres_errors_are_permanent_only_for_data(string sqlState, bool permanent)
    {
        var error = new PostgresException("m", "ERROR", "ERROR", sqlState);
        Assert.Equal((permanent, permanent), (Faults.IsRefusedData(error), Faults.IsPermanent(error)));
    }

    [Fact]
    public void Values_that_cannot_be_read_are_permanent_and_outages_are_not()
    {
        Assert.True(Faults.IsPermanent(new InvalidCastException("Column is null")));
        Assert.True(Faults.IsPermanent(new OverflowException()));
        Assert.True(Faults.IsPermanent(new JsonException()));
        // Only the database's refusal (or an overflowing sum) marks an event as one that cannot be folded: a parameter of
        // the wrong type is the code's fault, and would otherwise set every event aside.
        Assert.True(Faults.IsRefusedData(new OverflowException()));
        Assert.False(Faults.IsRefusedData(new InvalidCastException("Writing values of 'NpgsqlTid[]' is not supported")));
        Assert.False(Faults.IsPermanent(new TimeoutException()));
        Assert.False(Faults.IsPermanent(new TaskCanceledException()));
        Assert.False(Faults.IsPermanent(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.False(Faults.IsPermanent(new IOException("reset")));
    }
}
