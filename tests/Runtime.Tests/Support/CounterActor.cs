using System;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Tests.Support;

/// <summary>An ordinary class used as an actor, with the handle and invoker the generator would write for it.</summary>
internal sealed class Counter
{
    private int _value;

    public Counter(int start) => _value = start >= 0 ? start : throw new ArgumentOutOfRangeException(nameof(start), "negative start");

    public int Increment(int by) => _value += by;

    public int Fail() => throw new InvalidOperationException("method failed");

    public async Task<int> IncrementLaterAsync(int by)
    {
        await Task.Delay(1); // a real suspension, so the call resumes on another thread; nothing waits for the delay
        return _value += by;
    }
}

internal sealed class CounterHandle : ActorHandle, IActorHandle<CounterHandle>
{
    private CounterHandle(ActorId id)
        : base(id)
    {
    }

    public static CounterHandle FromId(ActorId id) => new(id);

    public static CounterHandle New(Arg<int> start, ActorOptions? options = null) =>
        RayRuntime.Current.CreateActor<CounterHandle>(CounterInvoker.New, new Args<int>(start), options);

    public ObjectRef<int> Increment(Arg<int> by) => Call<int>(new TaskSpec(CounterInvoker.Increment, new Args<int>(by)));

    public ObjectRef<int> IncrementLaterAsync(Arg<int> by) => Call<int>(new TaskSpec(CounterInvoker.IncrementLater, new Args<int>(by)));

    public ObjectRef<int> Fail() => Call<int>(new TaskSpec(CounterInvoker.Fail, TaskArgs.None));
}

internal sealed class CounterInvoker : IRemoteInvoker
{
    private static readonly CounterInvoker Instance = new();

    public static readonly RemoteFunction New = new(0xC0FF_0000_0000_0001, "Tests.Counter.New", Instance);
    public static readonly RemoteFunction Increment = new(0xC0FF_0000_0000_0002, "Tests.Counter.Increment", Instance);
    public static readonly RemoteFunction IncrementLater = new(0xC0FF_0000_0000_0003, "Tests.Counter.IncrementLaterAsync", Instance, isAsync: true);
    public static readonly RemoteFunction Fail = new(0xC0FF_0000_0000_0004, "Tests.Counter.Fail", Instance);

    public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) => function.Id switch
    {
        0xC0FF_0000_0000_0001 => invocation.ReturnActor(new Counter(((Args<int>)args).Arg1.Value)),
        0xC0FF_0000_0000_0002 => invocation.Return(((Counter)invocation.Actor!).Increment(((Args<int>)args).Arg1.Value)),
        0xC0FF_0000_0000_0003 => invocation.ReturnAsync(((Counter)invocation.Actor!).IncrementLaterAsync(((Args<int>)args).Arg1.Value)),
        0xC0FF_0000_0000_0004 => invocation.Return(((Counter)invocation.Actor!).Fail()),
        _ => throw new NotSupportedException(),
    };
}

/// <summary>A second actor class, to check that a name lookup refuses the wrong handle type.</summary>
internal sealed class OtherHandle : ActorHandle, IActorHandle<OtherHandle>
{
    private OtherHandle(ActorId id)
        : base(id)
    {
    }

    public static OtherHandle FromId(ActorId id) => new(id);
}
