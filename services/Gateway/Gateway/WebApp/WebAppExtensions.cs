using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ExecutiveDashboard.Gateway.WebApp;

/// <summary>
/// Serves the React page (web/, built by Vite) at <c>/</c>: its content-hashed files under <c>/assets/</c>
/// are cached for a year, <c>index.html</c> never, and any other path that is not a file and not under
/// <c>/api</c> or <c>/ws</c> answers <c>index.html</c>, so a shared link with a path still opens the page.
/// </summary>
public static class WebAppExtensions
{
    private const string IndexFile = "index.html";

    // Vite fingerprints every file it puts here: a new build never reuses a name.
    private const string HashedAssets = "/assets";

    // The page talks only to its own origin (fetch and the WebSocket). Its styles are files; the styles its script sets
    // (uPlot's sizes, the grid's spans) go through the CSSOM, which style-src does not govern, so no inline style is allowed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    /// <summary>
    /// The built page's folder is <c>Web:Root</c> (the AppHost points it at web/dist), else the content root's
    /// wwwroot (a published gateway). Without a built page the gateway serves the API alone and says so.
    /// </summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        var root = app.Configuration["Web:Root"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        if (!File.Exists(Path.Combine(root, IndexFile)))
        {
            app.Logger.LogWarning("No web page at {Root}: build it with `npm ci && npm run build` in web/; serving the API only", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => SetHeaders(context.Context, context.Context.Request.Path.StartsWithSegments(HashedAssets)),
        });

        // Unknown API paths stay problems rather than becoming the page.
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API"))
            .AllowAnonymous();
        app.MapFallbackToFile(IndexFile, new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => SetHeaders(context.Context, immutable: false),
        }).AllowAnonymous();
        return app;
    }

    private static void SetHeaders(HttpContext context, bool immutable)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
