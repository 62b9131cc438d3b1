using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Cluster.Nodes;

namespace RaySharp.Cluster;

/// <summary>
/// A node running as a process of its own: the application started in node mode (see
/// <see cref="RayCluster.RunNodeAsync"/>), its output going to a log file. <see cref="StartAsync"/> returns once the
/// node has joined; <see cref="Stop()"/> ends it. <c>raysharp start</c> and the cluster sample use it. Linux and macOS
/// (it starts the node through <c>/bin/sh</c> and stops it with SIGTERM).
/// </summary>
public sealed class RayNodeProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    /// <summary>How long a node may take to stop after SIGTERM: its drain (<see cref="NodeDrainOptions.DefaultTimeout"/>) and the silo's own stop.</summary>
    private static readonly TimeSpan StopGrace = NodeDrainOptions.DefaultTimeout + TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private RayNodeProcess(Process process, string logPath, IReadOnlyDictionary<string, string> joined)
    {
        _process = process;
        LogPath = logPath;
        NodeId = joined.GetValueOrDefault("node", "");
        Gateway = joined.GetValueOrDefault("gateway", "");
        IsHead = joined.GetValueOrDefault("head") == "true";
        Token = joined.GetValueOrDefault("token", "");
    }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>The node's id (its silo's address).</summary>
    public string NodeId { get; }

    /// <summary>The node's gateway (host:port): drivers and other nodes connect to it.</summary>
    public string Gateway { get; }

    /// <summary>True for the head node.</summary>
    public bool IsHead { get; }

    /// <summary>The cluster token (empty when the cluster has none).</summary>
    public string Token { get; }

    /// <summary>Where the node's output goes.</summary>
    public string LogPath { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="app"/> (an executable, or a <c>.dll</c> run with <c>dotnet</c>) with <c>--raysharp-node</c>
    /// and <paramref name="nodeArguments"/>, and waits until it prints that it joined.
    /// </summary>
    /// <param name="app">The application: every node must run the same build.</param>
    /// <param name="nodeArguments">Node arguments such as <c>--head</c>, <c>--address HOST:PORT</c>, <c>--num-cpus 2</c>.</param>
    /// <param name="logPath">The file the node's output goes to (created or truncated).</param>
    /// <param name="timeout">How long to wait for the node to join.</param>
    /// <param name="progress">Called about once a second while waiting, with the seconds waited; null for none.</param>
    /// <param name="detach">True to start the node in a session of its own (it outlives this process and the terminal, as <c>raysharp start</c> wants).</param>
    /// <returns>The running node.</returns>
    /// <exception cref="FileNotFoundException">The application does not exist.</exception>
    /// <exception cref="InvalidOperationException">The node exited, or did not join in time (it is stopped); the message has the end of its log.</exception>
    public static async Task<RayNodeProcess> StartAsync(string app, IEnumerable<string> nodeArguments, string logPath, TimeSpan timeout, Action<int>? progress = null, bool detach = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(nodeArguments);
        ArgumentNullException.ThrowIfNull(logPath);
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"The application '{app}' does not exist. Give the path of your program's .dll (or executable), built with RaySharp.Cluster and node mode (RayCluster.IsNodeCommand).", app);
        }

        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" </dev/null >\"$RAYSHARP_NODE_LOG\" 2>&1");
        start.ArgumentList.Add("raysharp-node");
        if (detach && File.Exists("/usr/bin/setsid"))
        {
            start.ArgumentList.Add("/usr/bin/setsid");
        }

        if (app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        }

        start.ArgumentList.Add(Path.GetFullPath(app));
        start.ArgumentList.Add(NodeArguments.Marker);
        foreach (var argument in nodeArguments)
        {
            start.ArgumentList.Add(argument);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        File.WriteAllText(logPath, "");
        start.Environment["RAYSHARP_NODE_LOG"] = Path.GetFullPath(logPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{app}'.");
        try
        {
            var joined = await WaitForJoinAsync(process, logPath, timeout, progress).ConfigureAwait(false);
            return new RayNodeProcess(process, logPath, joined);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops the node: SIGTERM (it drains, then leaves the cluster: see <see cref="RayNode.DrainAsync"/>), then a kill if
    /// it has not exited within 60 s (the 30 s drain and the silo's stop).
    /// </summary>
    public void Stop() => Stop(_process);

    /// <summary>
    /// Stops the process with id <paramref name="pid"/> as <see cref="Stop()"/> does (for a node another process
    /// started, as <c>raysharp stop</c> does); false when none runs.
    /// </summary>
    /// <param name="pid">A node's process id.</param>
    /// <returns>Whether there was such a process.</returns>
    public static bool Stop(int pid)
    {
        if (!IsAlive(pid))
        {
            return false;
        }

        _ = SendSignal(pid, SigTerm);
        if (!WaitUntilGone(pid, StopGrace))
        {
            _ = SendSignal(pid, SigKill);
            _ = WaitUntilGone(pid, StopGrace);
        }

        return true;
    }

    /// <summary>True while process <paramref name="pid"/> runs (a zombie, which has ended but is not reaped yet, does not).</summary>
    /// <param name="pid">A process id.</param>
    /// <returns>Whether it runs.</returns>
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..];
                return state.Length > 0 && state[0] is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        return SendSignal(pid, 0) == 0;
    }

    /// <summary>Stops the node (see <see cref="Stop()"/>).</summary>
    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            _ = SendSignal(process.Id, SigTerm);
            if (!process.WaitForExit(StopGrace))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    private static bool WaitUntilGone(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    private static async Task<Dictionary<string, string>> WaitForJoinAsync(Process process, string logPath, TimeSpan timeout, Action<int>? progress)
    {
        var clock = Stopwatch.StartNew();
        var reported = 0;
        using var log = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log);
        var pending = "";
        while (true)
        {
            var exited = process.HasExited;
            var text = await reader.ReadToEndAsync().ConfigureAwait(false);
            pending += text;
            int newline;
            while ((newline = pending.IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                var line = pending[..newline].TrimEnd('\r');
                pending = pending[(newline + 1)..];
                if (line.StartsWith(NodeHost.JoinedLine, StringComparison.Ordinal))
                {
                    return line[NodeHost.JoinedLine.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(pair => pair.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
                }
            }

            if (exited)
            {
                throw new InvalidOperationException($"The node exited (code {process.ExitCode}) before it joined. Its log ({logPath}):{Environment.NewLine}{Tail(logPath)}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"The node did not join within {timeout.TotalSeconds:0} s. Its log ({logPath}):{Environment.NewLine}{Tail(logPath)}");
            }

            if ((int)clock.Elapsed.TotalSeconds > reported)
            {
                reported = (int)clock.Elapsed.TotalSeconds;
                progress?.Invoke(reported);
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static string Tail(string logPath)
    {
        using var log = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log);
        return string.Join(Environment.NewLine, reader.ReadToEnd().Split('\n').TakeLast(20));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
