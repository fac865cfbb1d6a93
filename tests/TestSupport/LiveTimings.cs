namespace ExecutiveDashboard.TestSupport;

/// <summary>What one run ingested from inside the page took to be seen (<see cref="LiveProbe"/>), in ms on the
/// browser's clock: from the ingest's <c>202</c> to its line in the live feed and to the card's new value, and from the
/// <c>metrics_update</c> frame that named the card's section to that value. The card's times are null where the card
/// showed no new value in the time given.</summary>
public sealed record LiveTimings(double AcceptedToFeed, double? AcceptedToCard, double? FrameToCard);
