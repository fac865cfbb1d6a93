using System.Net;
using System.Net.Sockets;

namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

/// <summary>
/// Ports for servers started as local executables. The test harness (tests/TestSupport) compiles this same file, so the app
/// model and the tests pick ports one way.
/// </summary>
internal static class FreeTcpPort
{
    private static readonly HashSet<int> IssuedPorts = [];

    /// <summary>
    /// A port nobody listens on. Ports handed out earlier in this process are skipped: each probe releases its port before
    /// the server binds it, so two servers starting side by side would otherwise get the same one.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (IssuedPorts)
            {
                if (IssuedPorts.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
