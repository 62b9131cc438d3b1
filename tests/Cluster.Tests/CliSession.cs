using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Runs the <c>raysharp</c> CLI (built into this test's output) with a session directory of its own; disposing stops
/// and, failing that, kills every node the session recorded, so no test leaves a process behind.
/// </summary>
public sealed class CliSession : IDisposable
{
    public CliSession() => Directory = System.IO.Directory.CreateTempSubdirectory("raysharp-cli-test-").FullName;

    /// <summary>The cluster sample, which runs as a node with --raysharp-node.</summary>
    public static string App => Path.Combine(AppContext.BaseDirectory, "ClusterSample.dll");

    public string Directory { get; }

    /// <summary>The pids of the nodes the session recorded as started.</summary>
    public int[] RecordedPids => System.IO.Directory.Exists(Path.Combine(Directory, "nodes"))
        ? [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "nodes"), "*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("Pid").GetInt32())]
        : [];

    public CliResult Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs the CLI with <c>RAY_ADDRESS</c> set to <paramref name="rayAddress"/> (null: unset).</summary>
    public CliResult RunWith(string? rayAddress, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RaySharp.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RAYSHARP_SESSION_DIR"] = Directory;
        start.Environment["RAY_ADDRESS"] = rayAddress;
        start.Environment[RayCluster.TokenVariable] = null;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"raysharp {string.Join(' ', args)} did not finish within 3 minutes; output so far: {output}");
        }

        return new CliResult(process.ExitCode, output, error.Result);
    }

    public void Dispose()
    {
        var pids = RecordedPids;
        if (pids.Length > 0)
        {
            Run("stop");
        }

        foreach (var pid in pids)
        {
            RayNodeProcess.Stop(pid); // a no-op unless stop failed
        }
    }
}

/// <summary>What a CLI run printed, and its exit code.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
