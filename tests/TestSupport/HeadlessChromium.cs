using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, apt package <c>chromium</c>) driven over the Chrome
/// DevTools Protocol: one tab, in a fresh profile that disposal deletes. Enough of a browser for the page's tests
/// and its load-time benchmark: navigate, evaluate, wait for a condition, click, type, screenshot.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<string> _consoleErrors = [];
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Errors the page logged or threw (console.error, uncaught exceptions), for a test's assertions.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) { return [.. _consoleErrors]; } }
    }

    /// <summary>Starts Chromium with a tab of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(int width = 1440, int height = 1000, bool darkMode = false)
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: install Debian's package (apt-get install chromium), as test.sh does.");
        }

        var profile = Path.Combine(Path.GetTempPath(), $"executive-dashboard-chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Flags of conventions.md: without the background-networking ones Chromium keeps calling Google on a closed network.
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--remote-debugging-port=0", $"--user-data-dir={profile}",
                     $"--window-size={width},{height}", "about:blank",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await DevToolsPortAsync(profile, process);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var targets = JsonNode.Parse(await http.GetStringAsync("/json/list"))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);

            var browser = new HeadlessChromium(process, profile, socket);
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Runtime.enable");
            await browser.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject
            {
                ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = darkMode ? "dark" : "light" }),
            });
            return browser;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>Runs <paramref name="script"/> in every document before the page's own scripts (e.g. an observer that
    /// timestamps when something first appears).</summary>
    public Task AddInitScriptAsync(string script) =>
        SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = script });

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        var answer = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (answer["errorText"] is { } error)
        {
            throw new InvalidOperationException($"Navigating to {url} failed: {error}");
        }
        await WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(30));
    }

    public async Task ReloadAsync()
    {
        await SendAsync("Page.reload");
        // The old document may still answer 'complete' for a moment: wait for a new one.
        await Task.Delay(100);
        await WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates a JavaScript expression (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var answer = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        });
        if (answer["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"Script failed: {expression}\n{exception.ToJsonString()}");
        }
        return answer["result"]?["value"]?.DeepClone();
    }

    public async Task<T> EvaluateAsync<T>(string expression) =>
        (await EvaluateAsync(expression)) is { } value ? value.GetValue<T>() : throw new InvalidOperationException($"'{expression}' gave no value");

    /// <summary>Polls <paramref name="expression"/> every 25 ms until it is truthy; returns its value. On timeout the
    /// exception carries <paramref name="describe"/>'s value (what the page showed instead).</summary>
    public async Task<JsonNode?> WaitForAsync(string expression, TimeSpan timeout, string describe = "document.body?.innerText.slice(0, 2000)")
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // An element is truthy but cannot travel by value.
                var value = await EvaluateAsync($"(() => {{ try {{ const v = ({expression}); return v instanceof Node ? true : v; }} catch {{ return null; }} }})()");
                if (value is not null && !(value.GetValueKind() is JsonValueKind.False or JsonValueKind.Null)
                    && !(value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == ""))
                {
                    return value;
                }
            }
            catch (InvalidOperationException) when (watch.Elapsed < timeout)
            {
                // A navigation replaced the context mid-evaluation: try again.
            }
            if (watch.Elapsed > timeout)
            {
                var shown = await EvaluateAsync(describe);
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for `{expression}`. The page showed:\n{shown}");
            }
            await Task.Delay(25);
        }
    }

    /// <summary>Clicks the first element matching <paramref name="selector"/> (its centre, as a mouse would).</summary>
    public Task ClickAsync(string selector) => ClickElementAsync($"document.querySelector({Quote(selector)})");

    /// <summary>Clicks the element a JavaScript expression finds, once it is there (its centre, as a mouse would).</summary>
    public async Task ClickElementAsync(string element)
    {
        var box = await WaitForAsync(
            $"(() => {{ const e = {element}; if (!e) return null; e.scrollIntoView({{block: 'center'}}); " +
            "const r = e.getBoundingClientRect(); return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null; })()",
            TimeSpan.FromSeconds(10));
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type, ["x"] = box!["x"]!.DeepClone(), ["y"] = box["y"]!.DeepClone(), ["button"] = "left", ["clickCount"] = 1,
            });
        }
    }

    /// <summary>Replaces the text of the input matching <paramref name="selector"/> as typing would.</summary>
    public async Task FillAsync(string selector, string text)
    {
        await WaitForAsync($"document.querySelector({Quote(selector)})", TimeSpan.FromSeconds(10));
        await EvaluateAsync($"(() => {{ const e = document.querySelector({Quote(selector)}); e.focus(); e.select(); }})()");
        await SendAsync("Input.insertText", new JsonObject { ["text"] = text });
    }

    /// <summary>Turns the browser's HTTP cache off (every load a first visit) or on.</summary>
    public async Task SetCacheDisabledAsync(bool disabled)
    {
        await SendAsync("Network.enable");
        await SendAsync("Network.setCacheDisabled", new JsonObject { ["cacheDisabled"] = disabled });
    }

    /// <summary>A PNG of the whole page, written to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var answer = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)answer["data"]!));
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }

        var reply = await answer.Task.WaitAsync(CommandTimeout);
        if (reply["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }
        return reply["result"]?.AsObject() ?? new JsonObject();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                if (frame["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var pending))
                {
                    pending.TrySetResult(frame);
                }
                else
                {
                    Observe(frame);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("Chromium closed the DevTools connection"));
        }
    }

    private void Observe(JsonObject frame)
    {
        var parameters = frame["params"];
        var error = (string?)frame["method"] switch
        {
            "Runtime.exceptionThrown" => parameters?["exceptionDetails"]?["exception"]?["description"]?.ToString()
                                          ?? parameters?["exceptionDetails"]?["text"]?.ToString(),
            "Runtime.consoleAPICalled" when (string?)parameters?["type"] == "error" =>
                string.Join(" ", parameters?["args"]?.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString()) ?? []),
            _ => null,
        };
        if (error is not null)
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        }
    }

    private static async Task<int> DevToolsPortAsync(string profile, Process process)
    {
        // Chromium writes the port it chose for --remote-debugging-port=0 into the profile.
        var file = Path.Combine(profile, "DevToolsActivePort");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode} before opening DevTools");
            }
            try
            {
                var lines = await File.ReadAllLinesAsync(file);
                if (lines.Length > 0 && int.TryParse(lines[0], out var port))
                {
                    return port;
                }
            }
            catch (IOException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Chromium did not open DevTools within {StartTimeout.TotalSeconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's last writes may race the delete; the temp folder is the OS's to clean.
        }
    }
}
