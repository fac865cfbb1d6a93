using PuppeteerSharp;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// axe-core, the accessibility engine of the npm package web/ installs (<c>npm ci</c>), run inside the page as it
/// stands: every rule of WCAG 2.x A and AA and axe's best practices, one <see cref="AxeFinding"/> per failing element.
/// </summary>
public static class AxeAudit
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "web", "node_modules", "axe-core", "axe.min.js");

    private const string Run = """
        (async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.flatMap(v =>
          v.nodes.map(n => ({ rule: v.id, target: n.target.flat().join(' '), impact: n.impact ?? v.impact ?? 'unknown',
                              summary: n.failureSummary ?? v.help }))))()
        """;

    public static async Task<IReadOnlyList<AxeFinding>> RunAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"No axe-core at {Script}: run `npm ci` in web/ (test.sh does).");
        }
        if (!await page.EvaluateExpressionAsync<bool>("typeof window.axe === 'object'"))
        {
            // Evaluated over DevTools, which the page's Content-Security-Policy (script-src 'self') does not govern as it
            // would a script element.
            await page.EvaluateExpressionAsync(await File.ReadAllTextAsync(Script));
        }
        return await page.EvaluateExpressionAsync<AxeFinding[]>(Run);
    }
}
