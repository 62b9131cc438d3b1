using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Ports of Ray's <c>python/ray/tests/test_cli.py</c> that apply to <c>raysharp</c> (the rest drive <c>ray up</c> on
/// mocked clouds). Ray compares the output with regex patterns line by line; these do the same for the lines that
/// matter.
/// </summary>
public sealed class TestCli
{
    /// <summary>
    /// test_ray_start: <c>start --head --port 0</c> with a temp dir of its own writes the session there, prints the node
    /// and how to connect, and <c>stop</c> succeeds.
    /// </summary>
    [Fact]
    public void test_ray_start()
    {
        using var session = new CliSession();

        var start = session.Run("start", "--head", "--port", "0", "--num-cpus", "1", "--app", CliSession.App);
        var stop = session.Run("stop");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Matches(new Regex(@"^Starting a head node from .+ClusterSample\.dll…$", RegexOptions.Multiline), start.Output);
        Assert.Matches(new Regex("^  waiting for the node to join…$", RegexOptions.Multiline), start.Output); // redirected: plain lines
        Assert.DoesNotContain('\r', start.Output);
        Assert.Matches(new Regex(@"^Node 127\.0\.0\.1:\d+@\d+ joined \(pid \d+, gateway 127\.0\.0\.1:\d+, log .+\.log\)\.$", RegexOptions.Multiline), start.Output);
        Assert.Matches(new Regex("^Cluster token: [0-9a-f]{32}$", RegexOptions.Multiline), start.Output);
        Assert.Matches(new Regex(@"^  connect a driver:  RAY_ADDRESS=127\.0\.0\.1:\d+ RAY_CLUSTER_TOKEN=[0-9a-f]{32} ", RegexOptions.Multiline), start.Output);
        Assert.True(Directory.Exists(Path.Combine(session.Directory, "logs")));
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.False(File.Exists(Path.Combine(session.Directory, "head.json")), "stop forgets the head it stopped");
    }

    /// <summary>
    /// test_ray_status: the same table without an address (the session's head), with <c>--address</c>, with
    /// <c>RAY_ADDRESS</c>, and with both. Ray's head has 3 CPUs; so does this one.
    /// </summary>
    [Fact]
    public void test_ray_status()
    {
        using var session = new CliSession();
        var start = session.Run("start", "--head", "--port", "0", "--num-cpus", "3", "--app", CliSession.App);
        Assert.True(start.ExitCode == 0, start.ToString());
        var address = Regex.Match(start.Output, @"gateway (\S+?),").Groups[1].Value;

        var results = new[]
        {
            session.Run("status"),
            session.Run("status", "--address", address),
            session.RunWith(address, "status"),
            session.RunWith(address, "status", "--address", address),
        };

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(new Regex($"^======== RaySharp cluster at {Regex.Escape(address)} ========$", RegexOptions.Multiline), result.Output);
            Assert.Matches(new Regex("^Nodes: 1$", RegexOptions.Multiline), result.Output);
            Assert.Matches(new Regex(@"^ 127\.0\.0\.1:\d+@\d+ +head +0/3 CPU, 0/[\d.]+ GiB memory +0 +0 +0 +0 KiB$", RegexOptions.Multiline), result.Output);
            Assert.Matches(new Regex("^ 0/3 CPU$", RegexOptions.Multiline), result.Output);
            Assert.Contains("memory", result.Output, StringComparison.Ordinal); // Ray's readiness check looks for it too
            Assert.Equal(TableOf(results[0].Output), TableOf(result.Output));
        }
    }

    /// <summary>The status table without the progress lines a slow answer adds before it.</summary>
    private static string TableOf(string output) =>
        string.Join('\n', output.Split('\n').Where(line => !Regex.IsMatch(line, @"^\s*(still )?waiting\b")));
}
