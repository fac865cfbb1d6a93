using MailKit.Security;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// The SMTP server digests are sent through: <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:Security</c>
/// (<c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>; MailKit's <see cref="SecureSocketOptions"/>),
/// <c>Smtp:UserName</c> and <c>Smtp:Password</c> (no authentication without a user name), <c>Smtp:Timeout</c> (30 s);
/// or the connection string <c>smtp</c> as <c>smtp://host:port</c> (<c>smtps://</c> for TLS on connect), which the app
/// host gives for its local smtp4dev and which wins over <c>Smtp:Host</c> and <c>Smtp:Port</c>.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public const string ConnectionName = "smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Applies the connection string <c>smtp</c>, when there is one.</summary>
    /// <exception cref="InvalidOperationException">It is not an smtp:// or smtps:// address.</exception>
    public SmtpOptions With(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return this;
        }
        var text = connectionString.StartsWith("Endpoint=", StringComparison.OrdinalIgnoreCase) ? connectionString["Endpoint=".Length..] : connectionString;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} must be smtp://host:port or smtps://host:port.");
        }
        Host = uri.Host;
        Port = uri.IsDefaultPort ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
        Security = uri.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : Security;
        return this;
    }
}
