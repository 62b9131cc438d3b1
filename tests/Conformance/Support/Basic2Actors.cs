using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace RaySharp.Conformance.Support;

/// <summary>test_basic_2.py::test_call_matrix's <c>Actor</c>.</summary>
[RayRemote]
public sealed partial class MatrixActor
{
    public int SmallValue() => 0;

    public double[] LargeValue() => new double[CallMatrix.LargeLength];

    public int EchoSmall(int x) => x;

    public int EchoSmallOutOfBand(ObjectRef<int>[] x) => x[0].Get(TimeSpan.FromSeconds(20));

    public double[] EchoLarge(double[] x) => x;

    public double[] EchoLargeOutOfBand(ObjectRef<double[]>[] x) => x[0].Get(TimeSpan.FromSeconds(20));
}

/// <summary>test_call_matrix's sizes and remote functions.</summary>
public static partial class CallMatrix
{
    /// <summary>1 Mi doubles (8 MiB), well over the 100 KiB inline limit; Ray uses 10 Mi to fill plasma.</summary>
    public const int LargeLength = 1024 * 1024;

    [RayRemote]
    public static int SmallValue() => 0;

    [RayRemote]
    public static double[] LargeValue() => new double[LargeLength];

    [RayRemote]
    public static int EchoSmall(int x) => x;

    [RayRemote]
    public static int EchoSmallOutOfBand(ObjectRef<int>[] x) => x[0].Get(TimeSpan.FromSeconds(20));

    [RayRemote]
    public static double[] EchoLarge(double[] x) => x;

    [RayRemote]
    public static double[] EchoLargeOutOfBand(ObjectRef<double[]>[] x) => x[0].Get(TimeSpan.FromSeconds(20));
}

/// <summary>test_actor_call_order's actor: each call must see the calls before it.</summary>
[RayRemote]
public sealed partial class OrderedCounter
{
    private int _count;

    public int Inc(int count, int dependency)
    {
        if (count != _count)
        {
            throw new InvalidOperationException($"Call {count} ran when {_count} calls had run.");
        }

        _count += 1;
        return count;
    }
}

/// <summary>test_inline_arg_memory_corruption's actor.</summary>
[RayRemote]
public sealed partial class ZeroKeeper
{
    private readonly List<byte[]> _z = [];

    public void Add(byte[] x)
    {
        _z.Add(x);
        foreach (var prev in _z)
        {
            if (prev.Any(b => b != 0))
            {
                throw new InvalidOperationException("memory corruption detected");
            }
        }
    }
}

/// <summary>test_actor_pass_by_ref's and test_actor_recursive's actor.</summary>
[RayRemote]
public sealed partial class Doubler
{
    private readonly Doubler.Handle? _delegate;

    public Doubler()
    {
    }

    public Doubler(Doubler.Handle @delegate) => _delegate = @delegate;

    public int F(int x) => _delegate is { } d ? d.F(x).Get(TimeSpan.FromSeconds(20)) : x * 2;
}

/// <summary>test_actor_concurrent's <c>Batcher</c> (a threaded actor).</summary>
[RayRemote]
public sealed partial class ThreadedBatcher : IDisposable
{
    private readonly List<int> _batch = [];
    private readonly ManualResetEventSlim _event = new();

    public int[] Add(int x)
    {
        lock (_batch)
        {
            _batch.Add(x);
            if (_batch.Count >= 3)
            {
                _event.Set();
            }
        }

        _event.Wait(TimeSpan.FromSeconds(60));
        lock (_batch)
        {
            return [.. _batch.Order()];
        }
    }

    public void Dispose() => _event.Dispose();
}

/// <summary>test_actor_max_concurrency's actor: counts the calls inside it at once (Ray counts threads); Ray's <c>call</c> is <c>Enter</c>, as <c>Call</c> is taken by the handle base class.</summary>
[RayRemote]
public sealed partial class ConcurrentActor
{
    private int _inside;
    private int _most;

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        int most;
        while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        Thread.Yield();
        Interlocked.Decrement(ref _inside);
    }

    public int GetMostAtOnce() => Volatile.Read(ref _most);
}

/// <summary>test_duplicate_args' assertions, shared by the task and the actor.</summary>
public static class DuplicateArgsChecks
{
    public static void Check(int[] arg1, int[] arg2, int[] arg1Duplicate, int[] kwarg1, int[] kwarg2, int[] kwarg1Duplicate)
    {
        if (!arg1.SequenceEqual(kwarg1) || arg1.SequenceEqual(arg2) || !arg1.SequenceEqual(arg1Duplicate)
            || kwarg1.SequenceEqual(kwarg2) || !kwarg1.SequenceEqual(kwarg1Duplicate))
        {
            throw new InvalidOperationException("The duplicated arguments did not arrive as passed.");
        }
    }
}

/// <summary>test_duplicate_args' actor.</summary>
[RayRemote]
public sealed partial class DuplicateArgsActor
{
    public int F(int[] arg1, int[] arg2, int[] arg1Duplicate, int[] kwarg1, int[] kwarg2, int[] kwarg1Duplicate)
    {
        DuplicateArgsChecks.Check(arg1, arg2, arg1Duplicate, kwarg1, kwarg2, kwarg1Duplicate);
        return 0;
    }
}
