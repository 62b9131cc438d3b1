using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.EndToEnd.Tests;

// Ordinary C# with [RayRemote]: the generator (referenced as an analyzer) writes the Remote stubs.
public sealed record Datum(int Id, int Twice, string Word);

public interface IShape
{
    double Area { get; }
}

/// <summary>Immutable, but only reachable through <see cref="IShape"/>, so the generator never classifies it: it says so itself.</summary>
[RayImmutable]
public sealed record Square(double Side) : IShape
{
    public double Area => Side * Side;
}

public static partial class Tutorial
{
    public static readonly string[] ReferenceData = ["Fast", "and", "Simple", "Distributed", "Computing"];

    [RayRemote]
    public static Datum GetRefDatum(int id, string[] referenceData) => new(id, 2 * id, referenceData[id % referenceData.Length]);

    [RayRemote]
    public static (Datum, Datum) GetRefDatum2(Datum datum, string[] referenceData) =>
        (datum, GetRefDatum(datum.Twice, referenceData));

    [RayRemote]
    public static async Task<int> SquareAsync(int x)
    {
        await Task.Yield();
        return x * x;
    }

    [RayRemote]
    public static ValueTask<string> EchoAsync(string text) => new(text);

    /// <summary>
    /// What <see cref="Record"/> saw, by sink name. A task gets its own copy of a mutable argument (Ray's semantics), so
    /// side effects a test wants to observe go through shared state of the process, not through an argument.
    /// </summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentQueue<int>> Recorded = new();

    [RayRemote]
    public static void Record(string sink, int value) => Recorded.GetOrAdd(sink, _ => new()).Enqueue(value);

    [RayRemote]
    public static async Task RecordLaterAsync(string sink, int value)
    {
        await Task.Yield();
        Recorded.GetOrAdd(sink, _ => new()).Enqueue(value);
    }

    [RayRemote]
    public static async Task<int> WaitForCancelAsync(int value, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return value;
    }

    [RayRemote]
    public static string TaskName() => Ray.GetRuntimeContext().TaskName ?? "?";

    [RayRemote(Name = "declared-name")]
    public static string DeclaredName() => Ray.GetRuntimeContext().TaskName ?? "?";

    [RayRemote]
    public static int Sum(IReadOnlyList<int> values) => values.Sum();

    [RayRemote]
    public static double TotalArea(IShape a, IShape b) => a.Area + b.Area;

    [RayRemote]
    public static bool IsReadyInside(ObjectRef<int> pending) => pending.IsReady;

    [RayRemote]
    public static long Wide(int a, long b, short c, byte d, string e) => a + b + c + d + e.Length;

    /// <summary>Attempts of <see cref="FailTwice"/>, by key: every retry receives a fresh copy of its arguments.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Attempts = new();

    [RayRemote(RetryExceptions = true, MaxRetries = 2)]
    public static int FailTwice(string key) =>
        Attempts.AddOrUpdate(key, 1, (_, n) => n + 1) is var attempt && attempt <= 2 ? throw new InvalidOperationException("flaky") : attempt;
}

[RayRemote]
public sealed partial class Counter
{
    private int _value;

    public Counter()
    {
    }

    public Counter(int start) => _value = start;

    public int Value => _value;

    public int Increment(int by) => _value += by;

    public async Task<int> AddLaterAsync(int by)
    {
        await Task.Yield();
        return _value += by;
    }

    public void Reset() => _value = 0;

    public int Get() => _value;
}

[RayRemote(MaxConcurrency = 4)]
public sealed partial class Gatherer
{
    private readonly TaskCompletionSource _secondInside = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _maxInside;

    /// <summary>Waits (up to 10 s) until a second call is inside at the same time, so overlap is a handshake, not timing.</summary>
    public async Task<int> EnterAsync()
    {
        var now = Interlocked.Increment(ref _inside);
        InterlockedMax(ref _maxInside, now);
        if (now > 1)
        {
            _secondInside.TrySetResult();
        }

        await _secondInside.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Interlocked.Decrement(ref _inside);
        return now;
    }

    public int MaxInside() => Volatile.Read(ref _maxInside);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

/// <summary>The tutorial's request tracker: counts requests per <c>id % 5</c>.</summary>
[RayRemote]
public sealed partial class ReferenceDataTracker
{
    private readonly int[] _counts = new int[5];

    public void Increment(int index) => _counts[index]++;

    public int[] Counts() => (int[])_counts.Clone();
}

public static partial class Requests
{
    [RayRemote]
    public static Datum GetTrackedDatum(int id, ReferenceDataTracker.Handle tracker)
    {
        tracker.Increment(id % 5).Get();
        return Tutorial.GetRefDatum(id, Tutorial.ReferenceData);
    }
}

public static partial class Outer
{
    internal static partial class Inner
    {
        [RayRemote]
        internal static int Twice(int x) => 2 * x;
    }
}

// Ray's @ray.method(max_task_retries=2, retry_exceptions=True): the method retries on its own exceptions.
[RayRemote]
public partial class FlakyCounter
{
    private int _calls;

    [RayRemote(MaxRetries = 2, RetryExceptions = true)]
    public int SucceedOnThirdCall() => ++_calls < 3 ? throw new InvalidOperationException($"call {_calls}") : _calls;
}
