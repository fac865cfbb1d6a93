using System.Diagnostics;

namespace ExecutiveDashboard.AppHost.Infrastructure;

/// <summary>Tells whether a container engine answers, so Aspire's container resources can start.</summary>
internal static class ContainerRuntime
{
    public static bool Answers(string runtime, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            // Drain the pipes so a chatty `info` cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // Not installed.
            return false;
        }
    }
}
