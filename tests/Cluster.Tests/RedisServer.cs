using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A private redis-server on a free loopback port, with no persistence (<c>--save ''</c>), stopped by its pid. Debian's
/// redis-server must be installed (<c>apt-get install -y redis-server</c>; .ci/run does it): without it, the test fails
/// saying so.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Path = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and returns once it logs that it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                $"redis-server is not installed at {Path}, and the Redis membership test needs a real one. Install it with `apt-get install -y redis-server` (as root; .ci/run does this before the build).");
        }

        var port = TcpCluster.FreePorts(1)[0];
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", System.IO.Path.GetTempPath() })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var server = new RedisServer(process, port);
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null)
            {
                if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep draining
                    return server;
                }
            }

            throw new InvalidOperationException($"redis-server exited before it was ready: {await stderr}");
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
