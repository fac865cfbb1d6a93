namespace ExecutiveDashboard.Executions.Model;

/// <summary>A queued row the folder cannot fold: where it is in <c>unfolded_events</c> (its <c>ctid</c>, as text), why
/// (<see cref="Reasons"/>) and the failure.</summary>
public sealed record Poison(string Row, string Reason, Exception Error)
{
    public static class Reasons
    {
        /// <summary>The row does not make an event (a NULL in a required field, a value .NET cannot hold).</summary>
        public const string Decode = "decode";

        /// <summary>The event alone cannot be added to the rollups (the database refuses its sums).</summary>
        public const string Fold = "fold";
    }
}
