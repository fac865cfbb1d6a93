using MimeKit;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>Hands a digest to the mail server.</summary>
public interface IDigestMailer
{
    /// <exception cref="Exception">The server could not be reached, or refused the mail: the send is retried.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
