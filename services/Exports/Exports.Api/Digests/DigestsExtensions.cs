using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Exports.Digests;

public static class DigestsExtensions
{
    /// <summary>The digests: their store, the SMTP mailer (<see cref="SmtpOptions"/>), and the sender loop
    /// (<see cref="DigestOptions"/>).</summary>
    public static IHostApplicationBuilder AddDigests(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DigestOptions>(builder.Configuration.GetSection(DigestOptions.Section));
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        builder.Services.PostConfigure<SmtpOptions>(smtp => smtp.With(builder.Configuration.GetConnectionString(SmtpOptions.ConnectionName)));
        builder.Services.AddSingleton<DigestStore>();
        builder.Services.AddSingleton<DigestTokens>();
        builder.Services.AddSingleton<DigestContents>();
        builder.Services.AddSingleton<DigestMetrics>();
        builder.Services.AddSingleton<IDigestMailer, SmtpDigestMailer>();
        builder.Services.AddSingleton<DigestSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DigestSender>());
        return builder;
    }
}
