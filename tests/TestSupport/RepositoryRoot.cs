using System.Reflection;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The repository checkout the tests run from: the first directory above the test binaries that
/// holds <c>infra/</c>, else the checkout TestSupport was built from.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "infra", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        var built = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(System.IO.Path.Combine(built, "infra", "postgres.sh")))
        {
            return built;
        }

        throw new DirectoryNotFoundException($"No infra/postgres.sh found above {AppContext.BaseDirectory} nor in {built}.");
    }
}
