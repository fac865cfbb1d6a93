using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>Sends over SMTP with MailKit (<see cref="SmtpOptions"/>): a connection per mail, so that a server that
/// dropped an idle connection costs nothing, and a mail is either accepted or its attempt failed.</summary>
public sealed class SmtpDigestMailer(IOptions<SmtpOptions> options) : IDigestMailer
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (string.IsNullOrEmpty(smtp.Host))
        {
            throw new InvalidOperationException($"No SMTP server is set: set {SmtpOptions.Section}:Host or the connection string '{SmtpOptions.ConnectionName}'.");
        }
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
