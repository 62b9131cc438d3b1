using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>test_streaming_generator.py::test_generator_basic's actor <c>A</c>: yields 0, 1, 2, then waits on a signal (Ray sleeps 1 s per item).</summary>
[RayRemote]
public sealed partial class StreamingKillTarget
{
    public IEnumerable<int> F(ObjectRef<int> gate)
    {
        for (var i = 0; i < 5; i++)
        {
            if (i == 3)
            {
                gate.Get(TimeSpan.FromSeconds(20));
            }

            yield return i;
        }
    }
}

/// <summary>
/// test_generator_basic's retry <c>Actor</c>: should_kill until <c>Set</c> is called. Ray's <c>set</c> sleeps 3 s, so
/// the stream fails at item 3 and is retried meanwhile; here <c>Set</c> waits for that failure, and a retried
/// attempt's first question waits for <c>Set</c>, so exactly one retry happens, whichever side is faster.
/// </summary>
[RayRemote]
public sealed partial class ShouldKillActor
{
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _set = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shouldKill = true;
    private int _failures;

    /// <summary>Whether the stream must fail, asked before each item.</summary>
    public async Task<bool> ShouldKill(int item)
    {
        if (item == 0 && _failures > 0)
        {
            await _set.Task;
        }

        if (item == 3 && _shouldKill)
        {
            _failures++;
            _failed.TrySetResult();
        }

        return _shouldKill;
    }

    public async Task Set()
    {
        await _failed.Task;
        _shouldKill = false;
        _set.TrySetResult();
    }

    /// <summary>How often the stream was told to fail.</summary>
    public int Failures() => _failures;
}

/// <summary>test_streaming_generator.py's generator actors.</summary>
[RayRemote]
public sealed partial class StreamingActor
{
    public IEnumerable<int> F(ObjectRef<double[]> reference)
    {
        for (var i = 0; i < 3; i++)
        {
            yield return i;
        }
    }

    public async IAsyncEnumerable<int> AsyncF(ObjectRef<double[]> reference, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    public int G() => 3;

    public IEnumerable<int[]> Generator(int numReturns, bool storeInPlasma)
    {
        for (var i = 0; i < numReturns; i++)
        {
            yield return storeInPlasma ? Ones(i) : [i];
        }
    }

    internal static int[] Ones(int value)
    {
        var array = new int[250_000];
        Array.Fill(array, value);
        return array;
    }
}
