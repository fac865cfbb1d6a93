namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Debian's Chromium (apt package <c>chromium</c>), the one browser the page's tests and benchmark drive: nothing is
/// ever downloaded, so what runs is what the machine's package manager installed and keeps up to date.
/// </summary>
public static class ChromiumExecutable
{
    private const string Debian = "/usr/bin/chromium";

    /// <summary>The executable: <c>CHROMIUM_PATH</c> when set, else Debian's; says what to install when it is missing.</summary>
    public static string Find()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? Debian;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"No Chromium at {path}. Install Debian's package (`apt-get install chromium`, as test.sh does) " +
                "or point CHROMIUM_PATH at a Chromium executable; the tests never download a browser.");
    }
}
