using System;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.EndToEnd.Tests;

/// <summary>
/// A sync actor with two concurrency groups, written as a user would: <c>Wait</c> blocks the io group until
/// <c>Release</c> (default group) is called; <c>Square</c> counts how many of its calls run at once.
/// </summary>
[RayRemote]
[RayConcurrencyGroup("io", 1)]
[RayConcurrencyGroup("compute", 2)]
public sealed partial class Pipeline : IDisposable
{
    private readonly ManualResetEventSlim _released = new();
    private int _squaring;
    private int _mostSquaring;

    [RayRemote(ConcurrencyGroup = "io")]
    public bool Wait() => _released.Wait(TimeSpan.FromSeconds(30));

    [RayRemote(ConcurrencyGroup = "io")]
    public string Echo(string text) => text;

    [RayRemote(ConcurrencyGroup = "compute")]
    public int Square(int n)
    {
        var now = Interlocked.Increment(ref _squaring);
        var most = Volatile.Read(ref _mostSquaring);
        while (now > most && Interlocked.CompareExchange(ref _mostSquaring, now, most) != most)
        {
            most = Volatile.Read(ref _mostSquaring);
        }

        Thread.Sleep(5); // stands for work, so calls overlap if the group lets them; the bound asserted holds whatever the timing
        Interlocked.Decrement(ref _squaring);
        return n * n;
    }

    public int MostSquaringAtOnce() => Volatile.Read(ref _mostSquaring);

    public void Release() => _released.Set();

    public void Dispose() => _released.Dispose();
}

/// <summary>An async actor whose <c>SlowAsync</c> calls (group "slow", limit 1) wait for <c>Release</c>.</summary>
[RayRemote]
[RayConcurrencyGroup("slow", 1)]
public sealed partial class AsyncPipeline
{
    private readonly TaskCompletionSource<int> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _slowInFlight;
    private int _mostSlowInFlight;

    [RayRemote(ConcurrencyGroup = "slow")]
    public async Task<int> SlowAsync()
    {
        _mostSlowInFlight = Math.Max(_mostSlowInFlight, ++_slowInFlight);
        var value = await _released.Task;
        _slowInFlight--;
        return value;
    }

    public Task<int> FastAsync(int n) => Task.FromResult(n);

    public int MostSlowInFlight() => _mostSlowInFlight;

    public void Release(int value) => _released.TrySetResult(value);
}
