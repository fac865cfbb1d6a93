using ExecutiveDashboard.AppHost.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

/// <summary>
/// Where the infra scripts are and where the servers keep their data: <c>&lt;repo&gt;/.data/&lt;resource&gt;</c>
/// for <c>dotnet run</c>, a fresh temporary directory per run under Aspire.Hosting.Testing
/// (so tests never share data with each other or with a running <c>./run.sh</c>), or
/// <c>Infrastructure:DataDirectory</c> when configured.
/// </summary>
internal sealed class LocalPaths
{
    private const string DataDirectoryKey = "Infrastructure:DataDirectory";

    private LocalPaths(string repositoryRoot, string dataRoot)
    {
        RepositoryRoot = repositoryRoot;
        DataRoot = dataRoot;
    }

    public string RepositoryRoot { get; }

    public string DataRoot { get; }

    public string DataDirectory(string resourceName) => Path.Combine(DataRoot, resourceName);

    public static LocalPaths Of(IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = FindRepositoryRoot(builder.AppHostDirectory);
        var dataRoot = builder.Configuration[DataDirectoryKey];
        if (string.IsNullOrEmpty(dataRoot))
        {
            dataRoot = builder.IsUnderTest() ? CreateTemporaryDataRoot(builder) : Path.Combine(repositoryRoot, ".data");
            // Every server of this run must share the same root.
            builder.Configuration[DataDirectoryKey] = dataRoot;
        }

        return new LocalPaths(repositoryRoot, Path.GetFullPath(dataRoot));
    }

    private static string CreateTemporaryDataRoot(IDistributedApplicationBuilder builder)
    {
        // Not Directory.CreateTempSubdirectory: its 0700 mode would keep the postgres user out.
        var root = Path.Combine(Path.GetTempPath(), $"executive-dashboard-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(root);
        builder.Services.AddHostedService(sp =>
            new TemporaryDirectoryCleanup(root, sp.GetRequiredService<IHostApplicationLifetime>()));
        return root;
    }

    private static string FindRepositoryRoot(string appHostDirectory)
    {
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No infra/postgres.sh found above the AppHost directory '{appHostDirectory}'.");
    }

    private sealed class TemporaryDirectoryCleanup(string path, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // ApplicationStopped fires once the orchestrator has stopped the servers.
            lifetime.ApplicationStopped.Register(DeleteDirectory);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void DeleteDirectory()
        {
            // A server may still be writing its last files while it exits.
            for (var attempt = 0; attempt < 10 && Directory.Exists(path); attempt++)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Thread.Sleep(200);
                }
            }
        }
    }
}
