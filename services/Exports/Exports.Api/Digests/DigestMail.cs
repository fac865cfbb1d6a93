using System.Globalization;
using System.Net;
using System.Text;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using MimeKit;
using NodaTime;
using NodaTime.Text;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// A digest as a mail, in HTML and in plain text with the same content: the headline changes (<see cref="HeadlineChanges"/>),
/// the alerts raised and resolved in the period, the MRR movements, a link to the dashboard at the digest's instant,
/// and the PDF attached. Times are written in the digest's own zone. Every text that came from data (alert messages,
/// workspace ids) is HTML-encoded. Its Message-ID is the digest's and due instant's, so that a mail sent twice (a replica
/// that died after the server took it, before it recorded so) is one message to the mailbox.
/// </summary>
public static class DigestMail
{
    /// <summary>At most this many alerts of each list are written; the rest are counted.</summary>
    public const int MaxAlerts = 20;

    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu, HH:mm", DateTimeZoneProviders.Tzdb);

    private const string Good = "#15803d";
    private const string Bad = "#b91c1c";
    private const string Neutral = "#475569";

    public static MimeMessage Compose(DigestRow digest, DateTime dueAt, DigestContent content, DigestOptions options)
    {
        var settings = digest.Settings;
        var zone = DateTimeZoneProviders.Tzdb[settings.TimeZone];
        string Local(DateTime utc) => LocalPattern.Format(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone));

        var scope = settings.Scope == Scopes.Platform ? "All workspaces" : settings.Scope;
        var cadence = settings.Cadence == DigestCadence.Weekly ? "Weekly" : "Daily";
        var period = $"{(settings.Cadence == DigestCadence.Weekly ? "the 7 days" : "the 24 hours")} to {Local(dueAt)} ({settings.TimeZone})";
        var link = DashboardLink.Of(options.PublicUrl, settings.Scope, content.Key.Timeframe, content.Key.AsOf);
        var headline = HeadlineChanges.Of(content.Overview);

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Executive Dashboard: {cadence.ToLowerInvariant()} digest\n{scope}, {period}\n\n");
        html.Append("<!DOCTYPE html><html><body style=\"margin:0;padding:24px;background:#f8fafc;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#0f172a\">")
            .Append("<div style=\"max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px\">")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px;margin:0 0 4px\">{cadence} digest: {E(scope)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 16px;color:{Neutral}\">{E(char.ToUpperInvariant(period[0]) + period[1..])}</p>");

        Heading(text, html, "Headline changes");
        if (headline.Count == 0)
        {
            Line(text, html, "No metric moved.");
        }
        else
        {
            html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%\">");
            foreach (var change in headline)
            {
                var arrow = change.Change.Direction == ChangeDirection.Up ? "▲" : "▼";
                var colour = change.Change.Tone switch { ChangeTone.Good => Good, ChangeTone.Bad => Bad, _ => Neutral };
                var tone = change.Change.Tone switch { ChangeTone.Good => "good", ChangeTone.Bad => "bad", _ => "neutral" };
                text.Append(CultureInfo.InvariantCulture, $"  {arrow} {change.Label}: {change.Value} ({change.Change.Text}, {tone})\n");
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td style=\"padding:4px 0\">{E(change.Label)}</td><td style=\"padding:4px 8px;text-align:right;font-weight:600\">{E(change.Value)}</td>"
                    + $"<td style=\"padding:4px 0;text-align:right;color:{colour}\" aria-label=\"{tone}\">{arrow} {E(change.Change.Text)}</td></tr>");
            }
            html.Append("</table>");
        }

        Alerts(text, html, "Alerts raised", content.Raised, a => $"raised {Local(a.TriggeredAt)}");
        Alerts(text, html, "Alerts resolved", content.Resolved, a => $"resolved {Local(a.ResolvedAt!.Value)}");

        Heading(text, html, "MRR movements");
        if (content.Overview.Meta.Degraded.Contains(Sections.MrrMovements))
        {
            Line(text, html, "Not available: the billing service did not answer.");
        }
        else
        {
            var m = content.Overview.MrrMovements;
            var net = m.New + m.Expansion + m.Reactivation - m.Contraction - m.Churned;
            html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%\">");
            foreach (var (label, amount) in new (string, decimal?)[]
                     {
                         ("New", m.New), ("Expansion", m.Expansion), ("Reactivation", m.Reactivation), ("Contraction", -m.Contraction),
                         ("Churned", -m.Churned), ("Net MRR change", net),
                     })
            {
                var value = MetricFormat.Currency((double?)amount);
                text.Append(CultureInfo.InvariantCulture, $"  {label}: {value}\n");
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td style=\"padding:4px 0\">{E(label)}</td><td style=\"padding:4px 0;text-align:right\">{E(value)}</td></tr>");
            }
            html.Append("</table>");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nOpen the dashboard at this moment: {link}\n")
            .Append(CultureInfo.InvariantCulture, $"The whole dashboard is attached as a PDF ({content.FileName}).\n")
            .Append("You receive this digest because you subscribed to it in the dashboard (Digests). Change or stop it there.\n");
        html.Append(CultureInfo.InvariantCulture,
                $"<p style=\"margin:24px 0 8px\"><a href=\"{E(link)}\" style=\"background:#1d4ed8;color:#ffffff;padding:8px 16px;border-radius:6px;text-decoration:none\">Open the dashboard at this moment</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"color:{Neutral};font-size:13px\">The whole dashboard is attached as a PDF ({E(content.FileName)}). "
                + $"You receive this digest because you subscribed to it in the dashboard (Digests). Change or stop it there.</p>")
            .Append("</div></body></html>");

        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        body.Attachments.Add(content.FileName, content.Pdf.ToArray(), new ContentType("application", "pdf"));
        var message = new MimeMessage
        {
            Subject = $"{cadence} digest: {scope}, {Local(dueAt)}",
            Body = body.ToMessageBody(),
            MessageId = $"digest-{digest.Id:N}-{dueAt:yyyyMMdd'T'HHmmss'Z'}@executive-dashboard",
            Date = new DateTimeOffset(DateTime.SpecifyKind(dueAt, DateTimeKind.Utc)),
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(settings.Email));
        return message;
    }

    private static void Alerts(StringBuilder text, StringBuilder html, string title, IReadOnlyList<AlertItem>? alerts, Func<AlertItem, string> when)
    {
        Heading(text, html, alerts is null ? title : $"{title} ({alerts.Count})");
        if (alerts is null)
        {
            Line(text, html, "Not available: the alerts could not be read.");
            return;
        }
        if (alerts.Count == 0)
        {
            Line(text, html, "None.");
            return;
        }
        html.Append("<ul style=\"margin:0;padding-left:20px\">");
        foreach (var alert in alerts.Take(MaxAlerts))
        {
            text.Append(CultureInfo.InvariantCulture, $"  - [{alert.Severity}] {alert.Message} ({when(alert)})\n");
            html.Append(CultureInfo.InvariantCulture, $"<li style=\"padding:2px 0\"><strong>{E(alert.Severity)}</strong> {E(alert.Message)} "
                + $"<span style=\"color:{Neutral}\">({E(when(alert))})</span></li>");
        }
        html.Append("</ul>");
        if (alerts.Count > MaxAlerts)
        {
            Line(text, html, $"and {alerts.Count - MaxAlerts} more: see the dashboard.");
        }
    }

    private static void Heading(StringBuilder text, StringBuilder html, string title)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n{title}\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px;margin:20px 0 8px\">{E(title)}</h2>");
    }

    private static void Line(StringBuilder text, StringBuilder html, string line)
    {
        text.Append(CultureInfo.InvariantCulture, $"  {line}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0;color:{Neutral}\">{E(line)}</p>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
