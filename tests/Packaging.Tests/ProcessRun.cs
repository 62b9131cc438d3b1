using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace RaySharp.Packaging.Tests;

/// <summary>A finished child process: its exit code and its standard output and error, interleaved as they arrived.</summary>
internal sealed record ProcessRun(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>
    /// Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/> and waits at most <paramref name="timeout"/>;
    /// a process still running then is killed with its children, and the run reports exit code -1.
    /// </summary>
    public static async Task<ProcessRun> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A child dotnet must not take over this test host's settings (VSTest sets these for its own process tree).
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var commandLine = fileName + " " + string.Join(" ", info.ArgumentList);
        var exited = await Task.Run(() => process.WaitForExit((int)timeout.TotalMilliseconds));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"[killed after {timeout.TotalSeconds:0} s]");
            return new ProcessRun(commandLine, -1, Snapshot(output), clock.Elapsed);
        }

        process.WaitForExit(); // drains the redirected streams
        return new ProcessRun(commandLine, process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    /// <summary>What a failed assertion shows: the command, its exit code, its time and its output.</summary>
    public string Describe() => $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:0} s. Output:\n{Output}";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
