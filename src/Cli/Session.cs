using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using RaySharp.Cluster;

namespace RaySharp.Cli;

/// <summary>
/// What <c>raysharp start</c> leaves for <c>status</c> and <c>stop</c>, as Ray's <c>/tmp/ray/session_latest</c>: one file
/// per node this machine started (its pid and start time, so a reused pid is never killed), the head's address and
/// token, and the nodes' logs. <c>RAYSHARP_SESSION_DIR</c> moves it (tests give each run its own).
/// </summary>
internal sealed class Session(string directory)
{
    public const string DirectoryVariable = "RAYSHARP_SESSION_DIR";

    public string Directory { get; } = directory;

    private string NodesDirectory => Path.Combine(Directory, "nodes");

    private string HeadFile => Path.Combine(Directory, "head.json");

    public static Session Current() => new(Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } set
        ? set
        : Path.Combine(Path.GetTempPath(), "raysharp", "session_latest"));

    /// <summary>Creates the directory, readable by this user only where the OS allows (it holds the cluster token).</summary>
    public void EnsureCreated()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string NewLogPath(bool head) =>
        Path.Combine(Directory, "logs", $"{(head ? "head" : "node")}-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}.log");

    public void Record(NodeRecord node)
    {
        System.IO.Directory.CreateDirectory(NodesDirectory);
        File.WriteAllText(Path.Combine(NodesDirectory, $"{node.Pid}.json"), JsonSerializer.Serialize(node));
        if (node.IsHead)
        {
            File.WriteAllText(HeadFile, JsonSerializer.Serialize(new HeadRecord(node.Gateway, node.Token)));
        }
    }

    public HeadRecord? Head() => File.Exists(HeadFile) ? JsonSerializer.Deserialize<HeadRecord>(File.ReadAllText(HeadFile)) : null;

    /// <summary>The recorded nodes whose process still runs (same pid, same start time); stale records are deleted.</summary>
    public IReadOnlyList<NodeRecord> RunningNodes()
    {
        if (!System.IO.Directory.Exists(NodesDirectory))
        {
            return [];
        }

        var running = new List<NodeRecord>();
        foreach (var file in System.IO.Directory.GetFiles(NodesDirectory, "*.json"))
        {
            var node = JsonSerializer.Deserialize<NodeRecord>(File.ReadAllText(file));
            if (node is not null && IsRunning(node))
            {
                running.Add(node);
            }
            else
            {
                File.Delete(file);
            }
        }

        return running;
    }

    public void Forget(NodeRecord node)
    {
        File.Delete(Path.Combine(NodesDirectory, $"{node.Pid}.json"));
        if (node.IsHead && File.Exists(HeadFile))
        {
            File.Delete(HeadFile);
        }
    }

    public static DateTime StartTimeOf(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.StartTime.ToUniversalTime();
    }

    private static bool IsRunning(NodeRecord node)
    {
        try
        {
            return RayNodeProcess.IsAlive(node.Pid) && (StartTimeOf(node.Pid) - node.StartedAtUtc).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (ArgumentException)
        {
            return false; // No such process.
        }
        catch (InvalidOperationException)
        {
            return false; // It exited meanwhile.
        }
    }
}

/// <summary>A node this machine started.</summary>
internal sealed record NodeRecord(int Pid, DateTime StartedAtUtc, string NodeId, string Gateway, bool IsHead, string Token, string App, string LogPath);

/// <summary>Where the cluster this machine started is reached.</summary>
internal sealed record HeadRecord(string Address, string Token);
