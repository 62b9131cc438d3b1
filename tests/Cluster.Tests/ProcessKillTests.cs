using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClusterSample;
using QuickStart;
using Xunit;
using Xunit.Abstractions;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A real crash: a worker node is a process of its own (the cluster sample in node mode), killed with SIGKILL while it
/// runs a driver's tasks. The driver learns the death from the cluster and its tasks run again on the other nodes.
/// Every process the test starts is stopped in its cleanup.
/// </summary>
public sealed class ProcessKillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string _logs = Directory.CreateTempSubdirectory("raysharp-kill-test-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task A_driver_s_tasks_on_a_worker_process_killed_with_SIGKILL_finish_on_the_other_nodes_with_the_right_results()
    {
        using var head = await RayNodeProcess.StartAsync(CliSession.App, ["--head", "--port", "0", "--num-cpus", "1"], Log("head"), JoinTimeout);
        using var worker1 = await RayNodeProcess.StartAsync(CliSession.App, ["--address", head.Gateway, "--token", head.Token, "--num-cpus", "1"], Log("worker-1"), JoinTimeout);
        using var worker2 = await RayNodeProcess.StartAsync(CliSession.App, ["--address", head.Gateway, "--token", head.Token, "--num-cpus", "1"], Log("worker-2"), JoinTimeout);
        Ray.Init(new RayOptions { Address = head.Gateway, ClusterToken = head.Token });
        try
        {
            var referenceData = Ray.Put(Tutorial.ReferenceData);
            // Three tasks of about 2 s each fill the three single-CPU nodes; three more queue behind them.
            var ids = Enumerable.Range(20, 6).ToList();
            var results = ids.Select(id => ClusterTutorial.Remote.GetRefDatumOnNode(id, referenceData)).ToList();
            var firstDone = Ray.Wait(results, numReturns: 1, timeout: Timeout);
            _ = Assert.Single(firstDone.Ready).Get(Timeout); // one task is done: the others run or queue on the three nodes

            var clock = Stopwatch.StartNew();
            Process.GetProcessById(worker1.Pid).Kill(); // SIGKILL: no clean stop, no word to anyone

            var values = results.Select(r => r.Get(Timeout)).ToList();
            output.WriteLine($"every result {clock.Elapsed.TotalSeconds:0.0} s after the kill; nodes: {string.Join(", ", values.Select(v => v.Node == head.NodeId ? "head" : v.Node == worker2.NodeId ? "worker-2" : "worker-1"))}");

            Assert.Equal(ids, values.Select(v => v.Datum.Id));
            Assert.Equal(ids.Select(id => Tutorial.ReferenceData[id % 5]), values.Select(v => v.Datum.Word));
            Assert.True(worker1.HasExited);
        }
        finally
        {
            Ray.Shutdown();
        }
    }

    private string Log(string name) => Path.Combine(_logs, name + ".log");
}
