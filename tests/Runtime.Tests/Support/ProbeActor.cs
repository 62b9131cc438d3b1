using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Tests.Support;

/// <summary>What the probe actors of one test did: how often constructed and disposed.</summary>
/// <remarks>
/// Shared on purpose between the test and its in-process actors, so it is passed by reference through the
/// <see cref="RayImmutableAttribute"/> escape hatch; it could not cross a process boundary.
/// </remarks>
[RayImmutable]
internal sealed class ProbeLog
{
    private int _constructed;
    private int _disposed;
    private int _attempts;

    public int Constructed => Volatile.Read(ref _constructed);

    public int Disposed => Volatile.Read(ref _disposed);

    public bool FailConstruction { get; set; }

    /// <summary>Runs at the start of each constructor call with its attempt number (1, 2, …); it may block or throw.</summary>
    public Action<int>? Constructing { get; set; }

    public int NextAttempt() => Interlocked.Increment(ref _attempts);

    public void OnConstructed() => Interlocked.Increment(ref _constructed);

    public void OnDisposed() => Interlocked.Increment(ref _disposed);
}

/// <summary>An actor whose methods are lambdas the test passes in, so each test says exactly what a call does.</summary>
internal sealed class Probe : IDisposable
{
    public Probe(ProbeLog log)
    {
        var attempt = log.NextAttempt();
        log.Constructing?.Invoke(attempt);
        if (log.FailConstruction)
        {
            throw new InvalidOperationException("construction failed");
        }

        Log = log;
        log.OnConstructed();
        Incarnation = log.Constructed;
    }

    public ProbeLog Log { get; }

    public int Incarnation { get; }

    public int Counter { get; set; }

    public void Dispose() => Log.OnDisposed();
}

/// <summary>A call on a probe: a lambda over the instance, sync or async.</summary>
[RayImmutable] // holds only the lambda the test wrote; passed to in-process actors by reference
internal abstract class ProbeCall
{
    public abstract ValueTask Invoke(Probe probe, RemoteInvocation invocation);
}

internal sealed class ProbeCall<T>(Func<Probe, CancellationToken, T> body) : ProbeCall
{
    public override ValueTask Invoke(Probe probe, RemoteInvocation invocation) => invocation.Return(body(probe, invocation.CancellationToken));
}

internal sealed class AsyncProbeCall<T>(Func<Probe, CancellationToken, Task<T>> body) : ProbeCall
{
    public override ValueTask Invoke(Probe probe, RemoteInvocation invocation) => invocation.ReturnAsync(body(probe, invocation.CancellationToken));
}

internal sealed class ProbeHandle : ActorHandle, IActorHandle<ProbeHandle>
{
    private ProbeHandle(ActorId id)
        : base(id)
    {
    }

    public static ProbeHandle FromId(ActorId id) => new(id);

    public static ProbeHandle New(ProbeLog log, ActorOptions? options = null, bool async = false) =>
        RayRuntime.Current.CreateActor<ProbeHandle>(async ? ProbeInvoker.NewAsync : ProbeInvoker.New, new Args<ProbeLog>(log), options);

    public ObjectRef<T> Run<T>(Func<Probe, CancellationToken, T> body) =>
        Call<T>(new TaskSpec(ProbeInvoker.Run, new Args<ProbeCall>(new ProbeCall<T>(body))));

    public ObjectRef<T> RunAsync<T>(Func<Probe, CancellationToken, Task<T>> body) =>
        Call<T>(new TaskSpec(ProbeInvoker.RunAsync, new Args<ProbeCall>(new AsyncProbeCall<T>(body))));

    /// <summary>A call with per-call options.</summary>
    public ObjectRef<T> RunWith<T>(TaskOptions options, Func<Probe, CancellationToken, T> body) =>
        Call<T>(new TaskSpec(ProbeInvoker.Run, new Args<ProbeCall>(new ProbeCall<T>(body)), options));

    /// <summary>A call in the concurrency group <paramref name="group"/> (null: the default group), as a per-call option.</summary>
    public ObjectRef<T> RunIn<T>(string? group, Func<Probe, CancellationToken, T> body) =>
        Call<T>(new TaskSpec(ProbeInvoker.Run, new Args<ProbeCall>(new ProbeCall<T>(body)), GroupOptions(group)));

    /// <summary>An async call in the concurrency group <paramref name="group"/> (null: the default group).</summary>
    public ObjectRef<T> RunAsyncIn<T>(string? group, Func<Probe, CancellationToken, Task<T>> body) =>
        Call<T>(new TaskSpec(ProbeInvoker.RunAsync, new Args<ProbeCall>(new AsyncProbeCall<T>(body)), GroupOptions(group)));

    /// <summary>A call whose body is the value of <paramref name="call"/>, so it waits until that ref is ready.</summary>
    public ObjectRef<T> RunWhenReady<T>(string? group, ObjectRef<ProbeCall> call) =>
        Call<T>(new TaskSpec(ProbeInvoker.Run, new Args<ProbeCall>(call), GroupOptions(group)));

    private static TaskOptions? GroupOptions(string? group) => group is null ? null : new TaskOptions { ConcurrencyGroup = group };
}

internal sealed class ProbeInvoker : IRemoteInvoker
{
    private static readonly ProbeInvoker Instance = new();

    public static readonly RemoteFunction New = new(0x9B0B_0000_0000_0001, "Tests.Probe.New", Instance);
    public static readonly RemoteFunction NewAsync = new(0x9B0B_0000_0000_0002, "Tests.Probe.New", Instance, isAsync: true);
    public static readonly RemoteFunction Run = new(0x9B0B_0000_0000_0003, "Tests.Probe.Run", Instance);
    public static readonly RemoteFunction RunAsync = new(0x9B0B_0000_0000_0004, "Tests.Probe.RunAsync", Instance, isAsync: true);

    public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) => function.Id switch
    {
        0x9B0B_0000_0000_0001 or 0x9B0B_0000_0000_0002 => invocation.ReturnActor(new Probe(((Args<ProbeLog>)args).Arg1.Value)),
        _ => ((Args<ProbeCall>)args).Arg1.Value.Invoke((Probe)invocation.Actor!, invocation),
    };
}
