using PuppeteerSharp;

namespace ExecutiveDashboard.TestSupport;

/// <summary>What the page's tests do with a tab beyond PuppeteerSharp's own calls: wait for a condition and say what
/// the page showed instead, click an element found by script, type as a person would, keep a screenshot.</summary>
public static class PageExtensions
{
    private const string BodyText = "document.body?.innerText.slice(0, 2000)";

    /// <summary>Polls <paramref name="expression"/> every 25 ms until it is truthy; returns its value. On timeout the
    /// exception carries <paramref name="describe"/>'s value (what the page showed instead).</summary>
    public static async Task<IJSHandle> WaitForAsync(this IPage page, string expression, TimeSpan timeout, string describe = BodyText)
    {
        try
        {
            // An expression that throws (an element not there yet) counts as not yet true.
            return await page.WaitForExpressionAsync(
                $"(() => {{ try {{ return ({expression}); }} catch {{ return null; }} }})()",
                new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds, PollingInterval = 25 });
        }
        catch (WaitTaskTimeoutException)
        {
            var shown = await page.EvaluateExpressionAsync<object>(describe);
            throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for `{expression}`. The page showed:\n{shown}");
        }
    }

    /// <summary>Clicks the element a JavaScript expression finds, once it is there and has a size (its centre, as a
    /// mouse would).</summary>
    public static async Task ClickElementAsync(this IPage page, string element)
    {
        var handle = await page.WaitForAsync(
            $"(() => {{ const e = {element}; return e && e.getBoundingClientRect().width > 0 ? e : null; }})()",
            TimeSpan.FromSeconds(10));
        await (handle as IElementHandle ?? throw new InvalidOperationException($"`{element}` is not an element")).ClickAsync();
    }

    /// <summary>Replaces the text of the input matching <paramref name="selector"/> as typing would.</summary>
    public static async Task FillAsync(this IPage page, string selector, string text)
    {
        await page.WaitForSelectorAsync(selector, new WaitForSelectorOptions { Timeout = 10_000 });
        await page.EvaluateFunctionAsync("s => { const e = document.querySelector(s); e.focus(); e.select(); }", selector);
        await page.Keyboard.SendCharacterAsync(text);
    }

    /// <summary>A PNG of the whole page, written to <paramref name="path"/>.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string path)
    {
        // Chromium's capture beyond the viewport can leave the charts' SVG unpainted: the tab is made as tall as the
        // page instead, and given two frames to paint, for the time of the capture.
        var viewport = page.Viewport;
        var height = await page.EvaluateExpressionAsync<int>("Math.ceil(document.documentElement.scrollHeight)");
        await page.SetViewportAsync(new ViewPortOptions { Width = viewport.Width, Height = Math.Max(height, viewport.Height) });
        await page.EvaluateExpressionAsync("new Promise(painted => requestAnimationFrame(() => requestAnimationFrame(painted)))");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await page.ScreenshotAsync(path);
        await page.SetViewportAsync(viewport);
    }
}
