using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ClusterSample;
using QuickStart;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// The multi-process path, through the <c>raysharp</c> CLI: a head and a worker are separate processes (the cluster
/// sample in node mode), a driver in this process joins them, <c>raysharp status</c> shows both, <c>raysharp stop</c>
/// ends them. Each step waits for a handshake (the CLI returns once its node printed that it joined), never a sleep.
/// </summary>
public sealed partial class CliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Start_a_head_and_a_worker_run_tasks_on_both_from_a_driver_show_them_in_status_and_stop_leaves_no_process()
    {
        using var session = new CliSession();
        var head = session.Run("start", "--head", "--port", "0", "--num-cpus", "1", "--app", CliSession.App);
        Assert.True(head.ExitCode == 0, head.ToString());
        Assert.Contains("Starting a head node", head.Output, StringComparison.Ordinal);
        var gateway = GatewayPattern().Match(head.Output).Groups[1].Value;
        var token = TokenPattern().Match(head.Output).Groups[1].Value;
        Assert.StartsWith("127.0.0.1:", gateway, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", token);

        var worker = session.Run("start", "--address", gateway, "--num-cpus", "1", "--resources", "{\"special\": 1}", "--app", CliSession.App);
        Assert.True(worker.ExitCode == 0, worker.ToString());
        var pids = session.RecordedPids;
        Assert.Equal(2, pids.Length);
        var secondHead = session.Run("start", "--head", "--port", "0", "--app", CliSession.App);
        Assert.Equal(1, secondHead.ExitCode);
        Assert.Contains("already running", secondHead.Error, StringComparison.Ordinal);
        Assert.Equal(2, session.RecordedPids.Length);

        // Without the token (neither RayOptions.ClusterToken nor RAY_CLUSTER_TOKEN), a driver is refused, naming the fix.
        Environment.SetEnvironmentVariable(RayCluster.TokenVariable, null);
        var refused = Assert.Throws<UnauthorizedAccessException>(() => Ray.Init(new RayOptions { Address = gateway }));
        Assert.Contains(RayCluster.TokenVariable, refused.Message, StringComparison.Ordinal);
        Assert.False(Ray.IsInitialized);

        Ray.Init(new RayOptions { Address = gateway, ClusterToken = token });
        try
        {
            var data = Ray.Put(Tutorial.ReferenceData);
            var special = ClusterTutorial.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).GetRefDatumOnNode(3, data).Get(Timeout);
            var spread = Ray.Get(Enumerable.Range(1, 6).Select(id => ClusterTutorial.Remote.GetRefDatumOnNode(id, data)).ToList(), Timeout);
            var chained = Tutorial.Remote.GetRefDatum2(Tutorial.Remote.GetRefDatum(2, data), data).Get(Timeout);

            Assert.Equal(new Datum(3, 6, "Distributed"), special.Datum);
            Assert.Equal(Enumerable.Range(1, 6), spread.Select(d => d.Datum.Id));
            var nodes = spread.Select(d => d.Node).Append(special.Node).Distinct().ToList();
            Assert.Equal(2, nodes.Count);
            Assert.Equal(new Datum(4, 8, "Computing"), chained.Item2);

            var status = session.Run("status");
            Assert.True(status.ExitCode == 0, status.ToString());
            Assert.Contains("Nodes: 2", status.Output, StringComparison.Ordinal);
            Assert.All(nodes, node => Assert.Contains(node, status.Output, StringComparison.Ordinal));
            Assert.Contains(" head ", status.Output, StringComparison.Ordinal);
            Assert.Contains(" worker ", status.Output, StringComparison.Ordinal);
            Assert.Contains("0/2 CPU", status.Output, StringComparison.Ordinal);
            Assert.Contains("0/1 special", status.Output, StringComparison.Ordinal);

            var wrongToken = session.Run("status", "--token", "guess");
            Assert.Equal(1, wrongToken.ExitCode);
            Assert.Contains("refused the cluster token", wrongToken.Error, StringComparison.Ordinal);
        }
        finally
        {
            Ray.Shutdown();
        }

        var stop = session.Run("stop");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Contains("Stopped 2 node(s).", stop.Output, StringComparison.Ordinal);
        Assert.All(pids, pid => Assert.False(RayNodeProcess.IsAlive(pid), $"node process {pid} is still running"));
        Assert.Empty(session.RecordedPids);
    }

    [Fact]
    public void Status_and_stop_without_a_cluster_fail_saying_how_to_start_one()
    {
        using var session = new CliSession();

        var status = session.Run("status");
        var stop = session.Run("stop");
        var wrongAddress = session.Run("status", "--address", $"127.0.0.1:{TcpCluster.FreePorts(1)[0]}");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("raysharp start --head", status.Error, StringComparison.Ordinal);
        Assert.Equal(1, stop.ExitCode);
        Assert.Contains("no RaySharp node started from this machine is running", stop.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongAddress.ExitCode);
        Assert.Contains("No RaySharp cluster answered", wrongAddress.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{GPU: 1}", "JSON object")]
    [InlineData("{\"GPU\": -2}", "zero or more")]
    public void Start_with_bad_resources_fails_before_starting_a_process(string resources, string expected)
    {
        using var session = new CliSession();

        var start = session.Run("start", "--head", "--resources", resources, "--app", CliSession.App);

        Assert.Equal(2, start.ExitCode);
        Assert.Contains(expected, start.Error, StringComparison.Ordinal);
        Assert.Empty(session.RecordedPids);
    }

    [Fact]
    public void Start_without_head_or_address_or_with_a_missing_app_fails_clearly()
    {
        using var session = new CliSession();

        var neither = session.Run("start", "--app", CliSession.App);
        var missing = session.Run("start", "--head", "--port", "0", "--app", "/nonexistent/App.dll");

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("either --head", neither.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Empty(session.RecordedPids);
    }

    [GeneratedRegex(@"gateway (\S+?),")]
    private static partial Regex GatewayPattern();

    [GeneratedRegex(@"Cluster token: (\S+)")]
    private static partial Regex TokenPattern();
}
