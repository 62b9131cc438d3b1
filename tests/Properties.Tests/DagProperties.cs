using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace RaySharp.Properties.Tests;

/// <summary>Random task graphs with random failures, run by the runtime and by a sequential model.</summary>
public sealed class DagProperties
{
    /// <summary>One node: its own value, whether it throws, and its inputs (node indexes below its own, or -1 for a plain 0).</summary>
    public readonly record struct NodeSpec(int Value, bool Fails, int InputA, int InputB);

    private static readonly Gen<NodeSpec[]> Graphs =
        Gen.Select(Gen.Int[-100, 100], Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Int[0, 1000]).Array[1, 16]
            .Select(raw => raw.Select((n, i) => new NodeSpec(n.Item1, n.Item2 == 0, n.Item3 % (i + 1) - 1, n.Item4 % (i + 1) - 1)).ToArray());

    [Fact]
    public void A_task_graph_gives_the_sequential_models_results_and_failures_reach_every_dependent() =>
        Gen.Select(Graphs, Gen.Int[1, 4]).Sample((graph, cpus) =>
        {
            using var ray = new CaseRuntime(new RayOptions { NumCpus = cpus });
            var refs = new ObjectRef<int>[graph.Length];
            for (var i = 0; i < graph.Length; i++)
            {
                var node = graph[i];
                refs[i] = Workload.Remote.Node(i, node.Value, node.Fails, Input(refs, node.InputA), Input(refs, node.InputB));
            }

            var model = Model(graph);
            for (var i = 0; i < graph.Length; i++)
            {
                if (model[i].FailedRoots is { } roots)
                {
                    var error = Assert.Throws<RayTaskException>(() => refs[i].Get(PropertyRuns.Patience));
                    var root = Assert.IsType<NodeFailedException>(error.InnerException);
                    Assert.Contains(root.Node, roots);
                }
                else
                {
                    Assert.Equal(model[i].Value, refs[i].Get(PropertyRuns.Patience));
                }
            }
        }, iter: PropertyRuns.Iterations(200), threads: 1);

    private static CompilerServices.Arg<int> Input(ObjectRef<int>[] refs, int input) => input < 0 ? 0 : refs[input];

    /// <summary>
    /// The sequential model: a node whose input failed does not run and fails with one of its inputs' root failures
    /// (which one, when several failed, depends on which finished first); otherwise it fails on its own or sums.
    /// </summary>
    private static (int Value, HashSet<int>? FailedRoots)[] Model(NodeSpec[] graph)
    {
        var results = new (int Value, HashSet<int>? FailedRoots)[graph.Length];
        for (var i = 0; i < graph.Length; i++)
        {
            var node = graph[i];
            var inputs = new[] { node.InputA, node.InputB }.Where(input => input >= 0).Select(input => results[input]).ToList();
            var failed = inputs.Where(r => r.FailedRoots is not null).SelectMany(r => r.FailedRoots!).ToHashSet();
            results[i] = failed.Count > 0 ? (0, (HashSet<int>?)failed)
                : node.Fails ? (0, [i])
                : (node.Value + inputs.Sum(r => r.Value), null);
        }

        return results;
    }
}
