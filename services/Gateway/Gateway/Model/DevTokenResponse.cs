namespace ExecutiveDashboard.Gateway.Model;

public sealed record DevTokenResponse(string Token);
