using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace RaySharp.Properties.Tests;

/// <summary>
/// <c>Ray.Wait</c> with random refs (ready, failed, pending) and random parameters against the model: the ready refs,
/// at most <c>numReturns</c> of them, in input order, and the rest in input order. Ray's <c>fetch_local</c> has no
/// counterpart in one process, so the parameters varied are <c>numReturns</c>, the timeout (a zero poll, or none when
/// enough refs are ready) and the collection the refs are passed in.
/// </summary>
public sealed class WaitProperties
{
    private enum Kind
    {
        Put,
        FinishedTask,
        FailedTask,
        Pending,
    }

    private static readonly Gen<Kind[]> Refs = Gen.Int[0, 3].Select(k => (Kind)k).Array[1, 20];

    [Fact]
    public void Wait_returns_exactly_the_ready_refs_in_input_order_and_never_more_than_asked() =>
        Gen.Select(Refs, Gen.Int[0, 1000], Gen.Int[0, 2], Gen.Bool).Sample((kinds, numRaw, shape, zeroTimeout) =>
        {
            using var ray = new CaseRuntime(new RayOptions { NumCpus = 2 });
            var gate = Workload.NewGate();
            try
            {
                var blocker = Workload.Remote.Blocked(gate);
                var refs = kinds.Select((kind, i) => Make(kind, i, blocker)).ToList();
                var numReturns = numRaw % kinds.Length + 1;
                var readyIndexes = Enumerable.Range(0, kinds.Length).Where(i => kinds[i] != Kind.Pending).ToList();
                // No timeout only when enough refs are ready, so the call cannot block; otherwise a zero poll.
                TimeSpan? timeout = zeroTimeout || readyIndexes.Count < numReturns ? TimeSpan.Zero : null;

                var (ready, notReady) = Wait(refs, numReturns, timeout, shape);

                var expectedReady = readyIndexes.Take(numReturns).Select(i => refs[i]).ToList();
                Assert.Equal(expectedReady, ready);
                Assert.Equal(refs.Except(expectedReady), notReady);

                // Everything finishes once the gate opens; the rest, passed back, comes out whole and in order.
                Workload.Open(gate);
                if (notReady.Count > 0)
                {
                    var (rest, none) = Wait(notReady, notReady.Count, PropertyRuns.Patience, shape);
                    Assert.Equal(notReady, rest);
                    Assert.Empty(none);
                }
            }
            finally
            {
                Workload.Open(gate);
            }
        }, iter: PropertyRuns.Iterations(200), threads: 1);

    private static ObjectRef<int> Make(Kind kind, int i, ObjectRef<int> blocker)
    {
        switch (kind)
        {
            case Kind.Put:
                return Ray.Put(i);
            case Kind.FinishedTask:
                var finished = Workload.Remote.Identity(i);
                Assert.Equal(i, finished.Get(PropertyRuns.Patience));
                return finished;
            case Kind.FailedTask:
                var failed = Workload.Remote.Node(i, 0, true, 0, 0);
                Assert.Throws<RayTaskException>(() => failed.Get(PropertyRuns.Patience));
                return failed;
            default:
                return Workload.Remote.Identity(blocker); // waits for the blocker, holding no thread
        }
    }

    private static (IReadOnlyList<ObjectRef<int>> Ready, IReadOnlyList<ObjectRef<int>> NotReady) Wait(
        IReadOnlyList<ObjectRef<int>> refs, int numReturns, TimeSpan? timeout, int shape)
    {
        switch (shape)
        {
            case 0:
                var (ready, notReady) = Ray.Wait(refs, numReturns, timeout);
                return (ready, notReady);
            case 1:
                var (listReady, listRest) = Ray.Wait(refs.ToList(), numReturns, timeout);
                return (listReady, listRest);
            default:
                var (arrayReady, arrayRest) = Ray.Wait(refs.ToArray(), numReturns, timeout);
                return (arrayReady, arrayRest);
        }
    }
}
