namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>The roles and claims of docs/events.md (Auth).</summary>
public static class Roles
{
    public const string Ceo = "ceo";
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Ingest = "ingest";

    /// <summary>A service calling another on its own behalf (<see cref="ServiceTokens"/>). Not in <see cref="All"/>:
    /// no person is ever issued it.</summary>
    public const string Service = "service";

    public static readonly string[] All = [Ceo, Admin, Member, Ingest];

    /// <summary>Who the token speaks for: a person, or <c>service:&lt;name&gt;</c> for <see cref="Service"/>.</summary>
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";
    public const string WorkspacesClaim = "workspaces";

    /// <summary>Dashboard, alerts and exports: ceo or admin.</summary>
    public const string DashboardPolicy = "dashboard";

    /// <summary>Sending events: the ingest role.</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>The inputs of the alert rules (<c>/signals</c>): what a dashboard reader may see, also for a service token.</summary>
    public const string SignalsPolicy = "signals";
}
