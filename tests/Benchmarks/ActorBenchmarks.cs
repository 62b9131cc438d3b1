using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace RaySharp.Benchmarks;

/// <summary>
/// What the actor benchmarks share: a runtime with one RaySharp actor made by the generated stubs, and the three
/// in-process baselines measured in the same run: a <c>Channel</c> actor (the ratio's baseline), Akka.NET (<c>Ask</c>)
/// and Proto.Actor (<c>RequestAsync</c>). Every actor echoes an int, so the results can be checked.
/// </summary>
/// <remarks>
/// The handle is bound to the runtime that created it, so calls reach that runtime from any thread; the runtime is
/// made current only while the actors are created. <c>Setup</c> makes one call through each actor, which also waits
/// for the RaySharp actor's constructor.
/// </remarks>
[MemoryDiagnoser]
public abstract class ActorBenchmark
{
    protected const int Batch = 1_000;

    private RayRuntime _runtime = null!;

    private protected EchoBaselines Baselines { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new RayRuntime(new RayOptions { NumCpus = Environment.ProcessorCount });
        using (_runtime.MakeCurrent())
        {
            CreateActors();
        }

        Baselines = CreateBaselines();
        Check(CallOnce(7), 7);
        Check(Baselines.Channel.Call(8).GetAwaiter().GetResult(), 8);
        Check(Baselines.Akka.Call(9).GetAwaiter().GetResult(), 9);
        Check(Baselines.Proto.Call(10).GetAwaiter().GetResult(), 10);
        AfterSetup();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        BeforeCleanup();
        Baselines.Dispose();
        _runtime.Dispose();
    }

    /// <summary>Creates the RaySharp actors; <see cref="RayRuntime.Current"/> is this class's runtime meanwhile.</summary>
    private protected abstract void CreateActors();

    /// <summary>Runs last in <see cref="Setup"/>.</summary>
    private protected virtual void AfterSetup()
    {
    }

    /// <summary>Runs first in <see cref="Cleanup"/>.</summary>
    private protected virtual void BeforeCleanup()
    {
    }

    private protected abstract EchoBaselines CreateBaselines();

    /// <summary>One call through the RaySharp actor, waited for.</summary>
    private protected abstract int CallOnce(int x);

    /// <summary>1,000 calls to <paramref name="actor"/>, then one <c>Ray.Get</c> of all refs.</summary>
    protected static int Pipelined(EchoActor.Handle actor, ObjectRef<int>[] refs)
    {
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = actor.SmallValue(i);
        }

        return CheckLast(Ray.Get(refs));
    }

    /// <summary>1,000 calls to the async <paramref name="actor"/>, then one <c>Ray.Get</c> of all refs.</summary>
    protected static int Pipelined(AsyncEchoActor.Handle actor, ObjectRef<int>[] refs)
    {
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = actor.SmallValueAsync(i);
        }

        return CheckLast(Ray.Get(refs));
    }

    /// <summary>1,000 calls to a baseline, then a wait for each reply task in turn.</summary>
    private protected static int Pipelined(IEchoBaseline actor, Task<int>[] replies)
    {
        for (var i = 0; i < replies.Length; i++)
        {
            replies[i] = actor.Call(i);
        }

        var last = 0;
        foreach (var reply in replies)
        {
            last = reply.GetAwaiter().GetResult();
        }

        return Check(last, replies.Length - 1);
    }

    protected static int Check(int value, int expected) =>
        value == expected ? value : throw new InvalidOperationException($"The actor returned {value}, not {expected}.");

    private static int CheckLast(int[] values) => Check(values[^1], values.Length - 1);
}

/// <summary>The three baselines of one benchmark class.</summary>
internal sealed class EchoBaselines : IDisposable
{
    public EchoBaselines(IEchoBaseline channel, IEchoBaseline akka, IEchoBaseline proto)
    {
        Channel = channel;
        Akka = akka;
        Proto = proto;
    }

    public IEchoBaseline Channel { get; }

    public IEchoBaseline Akka { get; }

    public IEchoBaseline Proto { get; }

    public static EchoBaselines Create(EchoKind kind, int concurrency = 1) =>
        new(new ChannelEcho(kind, concurrency), new AkkaEcho(kind, concurrency), new ProtoEcho(kind, concurrency));

    public void Dispose()
    {
        Channel.Dispose();
        Akka.Dispose();
        Proto.Dispose();
    }
}

/// <summary>
/// ray_perf.py <c>1_1_actor_calls_sync</c>: call a trivial actor method and wait for the result, over and over.
/// Each row is one round trip.
/// </summary>
public class ActorCallsSync : ActorBenchmark
{
    private EchoActor.Handle _actor = null!;
    private int _x;

    [Benchmark(Description = "1_1_actor_calls_sync: SmallValue(x).Get()")]
    public int RaySharp() => _actor.SmallValue(_x++).Get();

    [Benchmark(Baseline = true, Description = "baseline: Channel actor, Call(x) + wait")]
    public int Channel() => Baselines.Channel.Call(_x++).GetAwaiter().GetResult();

    [Benchmark(Description = "Akka.NET: Ask<int>(x) + wait")]
    public int Akka() => Baselines.Akka.Call(_x++).GetAwaiter().GetResult();

    [Benchmark(Description = "Proto.Actor: RequestAsync<int>(x) + wait")]
    public int Proto() => Baselines.Proto.Call(_x++).GetAwaiter().GetResult();

    private protected override void CreateActors() => _actor = EchoActor.Remote.New();

    private protected override EchoBaselines CreateBaselines() => EchoBaselines.Create(EchoKind.Sync);

    private protected override int CallOnce(int x) => _actor.SmallValue(x).Get();
}

/// <summary>
/// ray_perf.py <c>1_1_actor_calls_async</c>: 1,000 calls to one default actor (one call at a time, in order), then
/// wait for all. Reported per call.
/// </summary>
public class ActorCallsAsync : ActorBenchmark
{
    private readonly ObjectRef<int>[] _refs = new ObjectRef<int>[Batch];
    private readonly Task<int>[] _replies = new Task<int>[Batch];
    private EchoActor.Handle _actor = null!;

    [Benchmark(OperationsPerInvoke = Batch, Description = "1_1_actor_calls_async: 1,000 SmallValue + Ray.Get(refs)")]
    public int RaySharp() => Pipelined(_actor, _refs);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "baseline: Channel actor, 1,000 Call + wait each")]
    public int Channel() => Pipelined(Baselines.Channel, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Akka.NET: 1,000 Ask + wait each")]
    public int Akka() => Pipelined(Baselines.Akka, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Proto.Actor: 1,000 RequestAsync + wait each")]
    public int Proto() => Pipelined(Baselines.Proto, _replies);

    private protected override void CreateActors() => _actor = EchoActor.Remote.New();

    private protected override EchoBaselines CreateBaselines() => EchoBaselines.Create(EchoKind.Sync);

    private protected override int CallOnce(int x) => _actor.SmallValue(x).Get();
}

/// <summary>
/// ray_perf.py <c>1_1_actor_calls_concurrent</c>: 1,000 calls to one actor created with <c>MaxConcurrency = 16</c>,
/// then wait for all. Reported per call. The baselines run 16 handlers at once too: 16 readers on the channel, and
/// a round-robin pool of 16 actors for Akka.NET and Proto.Actor (their actors run one message at a time).
/// </summary>
public class ActorCallsConcurrent : ActorBenchmark
{
    private const int Concurrency = 16;
    private readonly ObjectRef<int>[] _refs = new ObjectRef<int>[Batch];
    private readonly Task<int>[] _replies = new Task<int>[Batch];
    private EchoActor.Handle _actor = null!;

    [Benchmark(OperationsPerInvoke = Batch, Description = "1_1_actor_calls_concurrent: MaxConcurrency 16, 1,000 SmallValue + Ray.Get(refs)")]
    public int RaySharp() => Pipelined(_actor, _refs);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "baseline: Channel, 16 readers, 1,000 Call + wait each")]
    public int Channel() => Pipelined(Baselines.Channel, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Akka.NET: RoundRobinPool(16), 1,000 Ask + wait each")]
    public int Akka() => Pipelined(Baselines.Akka, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Proto.Actor: RoundRobinPool(16), 1,000 RequestAsync + wait each")]
    public int Proto() => Pipelined(Baselines.Proto, _replies);

    private protected override void CreateActors() =>
        _actor = EchoActor.Remote.WithOptions(new ActorOptions { MaxConcurrency = Concurrency }).New();

    private protected override EchoBaselines CreateBaselines() => EchoBaselines.Create(EchoKind.Sync, Concurrency);

    private protected override int CallOnce(int x) => _actor.SmallValue(x).Get();
}

/// <summary>
/// ray_perf.py <c>n_n_actor_calls_async</c> with n = 2 (the machine's cores): two callers on their own threads, each
/// with its own actor, each making 1,000 calls and then waiting for all. Reported per call (2,000 per invoke), so
/// ops/s is the total over both callers. The benchmark's thread is caller 0; caller 1 is a dedicated thread.
/// The baselines' two actors live in one actor system each (one channel each).
/// </summary>
public class NnActorCallsAsync : ActorBenchmark
{
    private const int Callers = 2;
    private readonly ObjectRef<int>[][] _refs = NewArrays<ObjectRef<int>>();
    private readonly Task<int>[][] _replies = NewArrays<Task<int>>();
    private readonly EchoActor.Handle[] _actors = new EchoActor.Handle[Callers];
    private IEchoBaseline[] _channels = [];
    private IEchoBaseline[] _akkas = [];
    private IEchoBaseline[] _protos = [];
    private CallerThreads _callers = null!;
    private Action<int> _raySharp = null!;
    private Action<int> _channel = null!;
    private Action<int> _akka = null!;
    private Action<int> _proto = null!;

    [Benchmark(OperationsPerInvoke = Callers * Batch, Description = "n_n_actor_calls_async: 2 callers x (1,000 SmallValue + Ray.Get(refs))")]
    public void RaySharp() => _callers.Run(_raySharp);

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * Batch, Description = "baseline: 2 callers x Channel actor (1,000 Call + wait each)")]
    public void Channel() => _callers.Run(_channel);

    [Benchmark(OperationsPerInvoke = Callers * Batch, Description = "Akka.NET: 2 callers x (1,000 Ask + wait each)")]
    public void Akka() => _callers.Run(_akka);

    [Benchmark(OperationsPerInvoke = Callers * Batch, Description = "Proto.Actor: 2 callers x (1,000 RequestAsync + wait each)")]
    public void Proto() => _callers.Run(_proto);

    private protected override void AfterSetup()
    {
        _channels = [Baselines.Channel, Baselines.Channel.Another()];
        _akkas = [Baselines.Akka, Baselines.Akka.Another()];
        _protos = [Baselines.Proto, Baselines.Proto.Another()];
        for (var i = 0; i < Callers; i++)
        {
            Check(_channels[i].Call(i).GetAwaiter().GetResult() + _akkas[i].Call(i).GetAwaiter().GetResult() + _protos[i].Call(i).GetAwaiter().GetResult(), 3 * i);
        }

        _callers = new CallerThreads(Callers);
        _raySharp = i => Pipelined(_actors[i], _refs[i]);
        _channel = i => Pipelined(_channels[i], _replies[i]);
        _akka = i => Pipelined(_akkas[i], _replies[i]);
        _proto = i => Pipelined(_protos[i], _replies[i]);
    }

    private protected override void BeforeCleanup()
    {
        _callers.Dispose();
    }

    private protected override void CreateActors()
    {
        for (var i = 0; i < Callers; i++)
        {
            _actors[i] = EchoActor.Remote.New();
        }
    }

    private protected override EchoBaselines CreateBaselines() => EchoBaselines.Create(EchoKind.Sync);

    private protected override int CallOnce(int x) => _actors[0].SmallValue(x).Get() + _actors[1].SmallValue(x).Get() - x;

    private static T[][] NewArrays<T>()
    {
        var arrays = new T[Callers][];
        for (var i = 0; i < Callers; i++)
        {
            arrays[i] = new T[Batch];
        }

        return arrays;
    }
}

/// <summary>
/// ray_perf.py <c>1_1_async_actor_calls_async</c>: 1,000 calls to an async actor (its method returns
/// <c>Task&lt;int&gt;</c>, completed at once as ray_perf.py's coroutine is), then wait for all. Reported per call.
/// The baselines' handlers await the same method.
/// </summary>
public class AsyncActorCallsAsync : ActorBenchmark
{
    private readonly ObjectRef<int>[] _refs = new ObjectRef<int>[Batch];
    private readonly Task<int>[] _replies = new Task<int>[Batch];
    private AsyncEchoActor.Handle _actor = null!;

    [Benchmark(OperationsPerInvoke = Batch, Description = "1_1_async_actor_calls_async: 1,000 SmallValueAsync + Ray.Get(refs)")]
    public int RaySharp() => Pipelined(_actor, _refs);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "baseline: Channel actor, async handler, 1,000 Call + wait each")]
    public int Channel() => Pipelined(Baselines.Channel, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Akka.NET: ReceiveAsync, 1,000 Ask + wait each")]
    public int Akka() => Pipelined(Baselines.Akka, _replies);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Proto.Actor: async ReceiveAsync, 1,000 RequestAsync + wait each")]
    public int Proto() => Pipelined(Baselines.Proto, _replies);

    private protected override void CreateActors() => _actor = AsyncEchoActor.Remote.New();

    private protected override EchoBaselines CreateBaselines() => EchoBaselines.Create(EchoKind.Async);

    private protected override int CallOnce(int x) => _actor.SmallValueAsync(x).Get();
}

/// <summary>
/// Runs one body on n threads at once and returns when all are done: the calling thread is caller 0, and n - 1
/// dedicated threads wait between runs.
/// </summary>
internal sealed class CallerThreads : IDisposable
{
    private readonly Barrier _start;
    private readonly Barrier _end;
    private readonly Thread[] _threads;
    private Action<int>? _body;
    private volatile bool _stopping;

    public CallerThreads(int count)
    {
        _start = new Barrier(count);
        _end = new Barrier(count);
        _threads = new Thread[count - 1];
        for (var i = 0; i < _threads.Length; i++)
        {
            var index = i + 1;
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"caller {index}" };
            _threads[i].Start();
        }
    }

    public void Run(Action<int> body)
    {
        _body = body;
        _start.SignalAndWait();
        body(0);
        _end.SignalAndWait();
    }

    public void Dispose()
    {
        _stopping = true;
        _start.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _start.Dispose();
        _end.Dispose();
    }

    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _body!(index);
            _end.SignalAndWait();
        }
    }
}
