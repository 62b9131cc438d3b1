using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Tests;

/// <summary>A counter actor that reports the node it lives on; its calls record the order they ran in.</summary>
[RayRemote]
public sealed partial class NodeCounter
{
    private readonly List<int> _seen = [];
    private int _total;

    public NodeCounter(int start) => _total = start;

    public string WhereAmI() => Ray.GetRuntimeContext().NodeId;

    public int Add(int amount) => _total += amount;

    /// <summary>Records <paramref name="value"/>; the list shows the order the calls ran in.</summary>
    public int Record(int value)
    {
        _seen.Add(value);
        return value;
    }

    public List<int> Seen() => [.. _seen];

    public int Fail(string message) => throw new InvalidOperationException(message);

    /// <summary>The sum and length of <paramref name="data"/>, and where it was read.</summary>
    public Digest Summarize(byte[] data) => new(Digest.SumOf(data), data.Length, Ray.GetRuntimeContext().NodeId);

    /// <summary>Returns once the test opens <see cref="ActorTasks.Gate"/>; bounded, so a broken test cannot hang.</summary>
    public bool WaitForGate() => ActorTasks.Gate.Wait(TimeSpan.FromSeconds(30));
}

/// <summary>
/// A sync actor with the concurrency group "io": <c>Block</c> waits until <c>Open</c> runs. Called in the "io" group
/// (per call, with <c>WithOptions</c>), it leaves the default group free for <c>Open</c>; in the default group it
/// would wait for itself and time out.
/// </summary>
[RayRemote]
[RayConcurrencyGroup("io", 1)]
public sealed partial class Latch
{
    private readonly ManualResetEventSlim _open = new();

    public bool Block() => _open.Wait(TimeSpan.FromSeconds(20));

    public void Open() => _open.Set();
}

/// <summary>
/// An actor that runs two calls at once: <c>Meet</c> returns only when two calls are inside it together (bounded), so
/// it answers true only where <c>MaxConcurrency = 2</c> holds on the node that hosts it.
/// </summary>
[RayRemote(MaxConcurrency = 2)]
public sealed partial class Rendezvous
{
    private readonly Barrier _barrier = new(2);

    public bool Meet() => _barrier.SignalAndWait(TimeSpan.FromSeconds(20));
}

/// <summary>One item a caller enqueued under its key.</summary>
public sealed record KeyedItem(int Key, int Item);

/// <summary>Ray's queue actor of test_actor_advanced.py's fork tests: it keeps every (key, item) in the order the calls ran.</summary>
[RayRemote]
public sealed partial class KeyedLog
{
    private readonly List<KeyedItem> _items = [];

    public int Enqueue(int key, int item)
    {
        _items.Add(new KeyedItem(key, item));
        return item;
    }

    public List<KeyedItem> Read() => [.. _items];
}

/// <summary>An actor whose constructor throws: every call to it fails with ActorDiedException.</summary>
[RayRemote]
public sealed partial class BrokenConstructor
{
    public BrokenConstructor(string message) => throw new InvalidOperationException(message);

    public int Ping() => 1;
}

/// <summary>An async actor: its calls run as they do locally, on the node that hosts it.</summary>
[RayRemote]
public sealed partial class AsyncEcho
{
    public async Task<string> EchoAsync(string text)
    {
        var node = Ray.GetRuntimeContext().NodeId;
        await Task.Yield();
        return text + "@" + node;
    }
}

/// <summary>Tasks that use actor handles on whatever node they run.</summary>
public static partial class ActorTasks
{
    /// <summary>Opened by a test to release every <see cref="SlowValue"/>.</summary>
    public static ManualResetEventSlim Gate { get; set; } = new(false);

    /// <summary>Calls the counter through a handle it received as an argument; returns the new total and where it ran.</summary>
    [RayRemote]
    public static Placed AddThrough(NodeCounter.Handle counter, int amount) =>
        new(counter.Add(amount).Get(TimeSpan.FromSeconds(30)), Ray.GetRuntimeContext().NodeId);

    /// <summary>Adds through every handle of a list and returns the totals.</summary>
    [RayRemote]
    public static List<int> AddThroughAll(List<NodeCounter.Handle> counters, int amount) =>
        counters.ConvertAll(c => c.Add(amount).Get(TimeSpan.FromSeconds(30)));

    /// <summary>Creates a counter that needs a share of node 2's resource and returns its handle.</summary>
    [RayRemote]
    public static NodeCounter.Handle NewCounterOnNode2(int start) =>
        NodeCounter.Remote.WithOptions(new ActorOptions { Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.1 } }).New(start);

    /// <summary>Ray's fork task: enqueues <paramref name="count"/> items under <paramref name="key"/> through the handle it received, waiting only for the last.</summary>
    [RayRemote]
    public static int Fork(KeyedLog.Handle log, int key, int count)
    {
        ObjectRef<int>? last = null;
        for (var item = 0; item < count; item++)
        {
            last = log.Enqueue(key, item);
        }

        return last!.Get(TimeSpan.FromSeconds(30));
    }

    /// <summary>Returns <paramref name="value"/> once the test opens <see cref="Gate"/>; bounded, so a broken test cannot hang.</summary>
    [RayRemote]
    public static int SlowValue(int value)
    {
        if (!Gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        return value;
    }
}
