using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using RaySharp.Cluster;

namespace RaySharp.Cli;

/// <summary><c>raysharp status</c>: every node of the cluster, its resources used and total, its tasks and objects.</summary>
internal static class StatusCommand
{
    private static readonly string[] Header = ["NODE", "ROLE", "RESOURCES (used/total)", "TASKS RUNNING", "QUEUED", "OBJECTS", "STORE"];

    public static Command Create()
    {
        var address = new Option<string?>("--address") { Description = "A node's gateway, HOST:PORT (default: RAY_ADDRESS, else the head this machine started)." };
        var token = new Option<string?>("--token") { Description = $"The cluster token (default: {RayCluster.TokenVariable}, else the head's from this machine's session)." };
        var command = new Command("status", "Show the nodes of a RaySharp cluster: resources, tasks, objects.") { address, token };
        command.SetAction((result, _) => RunAsync(result.GetValue(address), result.GetValue(token)));
        return command;
    }

    private static async Task<int> RunAsync(string? address, string? token)
    {
        var head = Session.Current().Head();
        address ??= NonEmpty(Environment.GetEnvironmentVariable("RAY_ADDRESS")) ?? head?.Address;
        if (address is null)
        {
            await Console.Error.WriteLineAsync("raysharp status: no RaySharp cluster is running from this machine. Start one with `raysharp start --head --app MyApp.dll`, or give --address HOST:PORT.").ConfigureAwait(false);
            return 1;
        }

        token ??= NonEmpty(Environment.GetEnvironmentVariable(RayCluster.TokenVariable)) ?? (head?.Address == address ? head.Token : null);
        IReadOnlyList<RayNodeStatus> nodes;
        try
        {
            nodes = await WithProgress(RayCluster.StatusAsync(address, token ?? ""), $"waiting for the cluster at {address} to answer").ConfigureAwait(false);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"raysharp status: {error.Message}").ConfigureAwait(false);
            return 1;
        }

        Console.Write(Render(address, nodes));
        return 0;
    }

    /// <summary>Shows progress once <paramref name="work"/> has taken a second, until it ends (a quick answer prints nothing more).</summary>
    private static async Task<T> WithProgress<T>(Task<T> work, string message)
    {
        WaitProgress? progress = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false) != work)
        {
            progress ??= WaitProgress.OnConsole(message);
            progress.Report(clock.Elapsed);
        }

        progress?.End();
        return await work.ConfigureAwait(false);
    }

    /// <summary>The table, in the spirit of <c>ray status</c>.</summary>
    public static string Render(string address, IReadOnlyList<RayNodeStatus> nodes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"======== RaySharp cluster at {address} ========");
        text.AppendLine(CultureInfo.InvariantCulture, $"Nodes: {nodes.Count}");
        var rows = new List<string[]> { Header };
        rows.AddRange(nodes.Select(node => new[]
        {
            node.NodeId, node.IsHead ? "head" : "worker", Usage(node.Total, node.Available),
            Count(node.TasksRunning), Count(node.TasksQueued), Count(node.ObjectsStored), Bytes(node.StoreBytes),
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(" " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        text.AppendLine("Resources (used/total):");
        var total = Sum(nodes.Select(n => n.Total));
        var available = Sum(nodes.Select(n => n.Available));
        foreach (var (name, amount) in total.OrderBy(p => p.Key == "CPU" ? "" : p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(" " + Amount(name, amount - available.GetValueOrDefault(name), amount));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Tasks running: {Count(nodes.Sum(n => n.TasksRunning))}, queued: {Count(nodes.Sum(n => n.TasksQueued))}; objects stored: {Count(nodes.Sum(n => n.ObjectsStored))}");
        return text.ToString();
    }

    private static string Usage(IReadOnlyDictionary<string, double> total, IReadOnlyDictionary<string, double> available) =>
        string.Join(", ", total.OrderBy(p => p.Key == "CPU" ? "" : p.Key, StringComparer.Ordinal)
            .Select(p => Amount(p.Key, p.Value - available.GetValueOrDefault(p.Key), p.Value)));

    /// <summary>used/total name; memory resources (bytes) in GiB, as <c>ray status</c> shows them.</summary>
    private static string Amount(string name, double used, double total) => name.Contains("memory", StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"{used / (1 << 30):0.##}/{total / (1 << 30):0.##} GiB {name}")
        : string.Create(CultureInfo.InvariantCulture, $"{used:0.##}/{total:0.##} {name}");

    private static Dictionary<string, double> Sum(IEnumerable<IReadOnlyDictionary<string, double>> all)
    {
        var sum = new Dictionary<string, double>();
        foreach (var (name, amount) in all.SelectMany(d => d))
        {
            sum[name] = sum.GetValueOrDefault(name) + amount;
        }

        return sum;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MiB");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
