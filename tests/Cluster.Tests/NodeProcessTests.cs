using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// <see cref="RayNodeProcess"/>: nodes as processes of their own (the cluster sample in node mode). Every process a
/// test starts is stopped in its cleanup.
/// </summary>
public sealed class NodeProcessTests : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);
    private readonly string _logs = Directory.CreateTempSubdirectory("raysharp-node-test-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task A_node_that_finds_no_cluster_at_its_address_fails_with_its_log()
    {
        var address = $"127.0.0.1:{TcpCluster.FreePorts(1)[0]}";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RayNodeProcess.StartAsync(CliSession.App, ["--address", address], Log("lost"), JoinTimeout));

        Assert.Contains("exited (code 1) before it joined", error.Message, StringComparison.Ordinal);
        Assert.Contains($"No RaySharp cluster answered at '{address}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_whose_port_is_taken_fails_naming_the_port_and_the_fix()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                RayNodeProcess.StartAsync(CliSession.App, ["--head", "--port", port.ToString(CultureInfo.InvariantCulture)], Log("clash"), JoinTimeout));

            Assert.Contains($"gateway port {port}", error.Message, StringComparison.Ordinal);
            Assert.Contains("pick another with --port", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task A_node_with_the_wrong_token_is_refused_with_exit_code_3_naming_the_fix()
    {
        using var head = await RayNodeProcess.StartAsync(CliSession.App, ["--head", "--port", "0", "--num-cpus", "1"], Log("head"), JoinTimeout);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RayNodeProcess.StartAsync(CliSession.App, ["--address", head.Gateway, "--token", "guess"], Log("intruder"), JoinTimeout));

        Assert.Contains("exited (code 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the cluster token of the node", error.Message, StringComparison.Ordinal);
        Assert.Contains(RayCluster.TokenVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_started_with_exit_with_stops_when_that_process_ends()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            using var node = await RayNodeProcess.StartAsync(CliSession.App,
                ["--head", "--port", "0", "--num-cpus", "1", "--exit-with", parent.Id.ToString(CultureInfo.InvariantCulture)], Log("follower"), JoinTimeout);

            parent.Kill();
            await parent.WaitForExitAsync();

            var clock = Stopwatch.StartNew();
            while (RayNodeProcess.IsAlive(node.Pid))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the node still runs 30 s after the process it follows ended");
                await Task.Delay(50);
            }
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill();
            }
        }
    }

    private string Log(string name) => Path.Combine(_logs, name + ".log");
}
