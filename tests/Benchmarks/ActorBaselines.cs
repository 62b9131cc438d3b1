using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Akka.Actor;
using Akka.Configuration;
using Akka.Routing;
using Proto;
using Proto.Router;

namespace RaySharp.Benchmarks;

/// <summary>An in-process actor baseline: one request, one reply task.</summary>
internal interface IEchoBaseline : IDisposable
{
    Task<int> Call(int x);

    /// <summary>A second actor of the same kind, in the same actor system; disposed with this one.</summary>
    IEchoBaseline Another();
}

/// <summary>What the baseline actor's handler does.</summary>
internal enum EchoKind
{
    /// <summary><c>x => x</c>, run synchronously.</summary>
    Sync,

    /// <summary><c>await Echo.SmallValueAsync(x)</c>: an async handler.</summary>
    Async,
}

/// <summary>The plain-.NET actor: a <see cref="Channel{T}"/> mailbox drained by <paramref name="readers"/> loops
/// (1: a single-reader actor, calls run one at a time in order), replying through one
/// <see cref="TaskCompletionSource{TResult}"/> per request.</summary>
internal sealed class ChannelEcho : IEchoBaseline
{
    private readonly Channel<Request> _mailbox;
    private readonly Task[] _readers;
    private readonly EchoKind _kind;
    private ChannelEcho? _another;

    public ChannelEcho(EchoKind kind, int readers = 1)
    {
        _kind = kind;
        _mailbox = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = readers == 1, SingleWriter = false });
        _readers = new Task[readers];
        for (var i = 0; i < readers; i++)
        {
            _readers[i] = kind == EchoKind.Sync ? Task.Run(RunAsync) : Task.Run(RunAsyncHandlerAsync);
        }
    }

    public Task<int> Call(int x)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _mailbox.Writer.TryWrite(new Request(x, reply));
        return reply.Task;
    }

    public IEchoBaseline Another() => _another ??= new ChannelEcho(_kind, _readers.Length);

    public void Dispose()
    {
        _another?.Dispose();
        _mailbox.Writer.TryComplete();
        Task.WaitAll(_readers);
    }

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.TrySetResult(request.Value);
            }
        }
    }

    private async Task RunAsyncHandlerAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.TrySetResult(await Echo.SmallValueAsync(request.Value).ConfigureAwait(false));
            }
        }
    }

    private readonly record struct Request(int Value, TaskCompletionSource<int> Reply);
}

/// <summary>Akka.NET: one <see cref="ReceiveActor"/> (or a <see cref="RoundRobinPool"/> of them), called with <c>Ask</c>.</summary>
internal sealed class AkkaEcho : IEchoBaseline
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\nakka.log-dead-letters = off");
    private readonly Akka.Actor.ActorSystem _system;
    private readonly Akka.Actor.Props _props;
    private readonly IActorRef _actor;
    private readonly bool _ownsSystem;

    public AkkaEcho(EchoKind kind, int routees = 1)
    {
        _system = Akka.Actor.ActorSystem.Create("bench", Quiet);
        var props = kind == EchoKind.Sync ? Akka.Actor.Props.Create(() => new SyncActor()) : Akka.Actor.Props.Create(() => new AsyncActor());
        _props = routees == 1 ? props : props.WithRouter(new RoundRobinPool(routees));
        _actor = _system.ActorOf(_props);
        _ownsSystem = true;
    }

    private AkkaEcho(Akka.Actor.ActorSystem system, Akka.Actor.Props props)
    {
        _system = system;
        _props = props;
        _actor = system.ActorOf(props);
    }

    public Task<int> Call(int x) => _actor.Ask<int>(x);

    public IEchoBaseline Another() => new AkkaEcho(_system, _props);

    public void Dispose()
    {
        if (_ownsSystem)
        {
            _system.Terminate().Wait();
        }
    }

    private sealed class SyncActor : ReceiveActor
    {
        public SyncActor() => Receive<int>(x => Sender.Tell(x));
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor() => ReceiveAsync<int>(async x =>
        {
            var sender = Sender;
            sender.Tell(await Echo.SmallValueAsync(x));
        });
    }
}

/// <summary>Proto.Actor: one <see cref="IActor"/> (or a round-robin pool of them), called with <c>RequestAsync</c>.</summary>
internal sealed class ProtoEcho : IEchoBaseline
{
    private readonly Proto.ActorSystem _system;
    private readonly Proto.Props _props;
    private readonly PID _actor;
    private readonly bool _ownsSystem;

    public ProtoEcho(EchoKind kind, int routees = 1)
    {
        _system = new Proto.ActorSystem();
        var props = kind == EchoKind.Sync ? Proto.Props.FromProducer(() => new SyncActor()) : Proto.Props.FromProducer(() => new AsyncActor());
        _props = routees == 1 ? props : _system.Root.NewRoundRobinPool(props, routees);
        _actor = _system.Root.Spawn(_props);
        _ownsSystem = true;
    }

    private ProtoEcho(Proto.ActorSystem system, Proto.Props props)
    {
        _system = system;
        _props = props;
        _actor = system.Root.Spawn(props);
    }

    public Task<int> Call(int x) => _system.Root.RequestAsync<int>(_actor, x, CancellationToken.None);

    public IEchoBaseline Another() => new ProtoEcho(_system, _props);

    public void Dispose()
    {
        if (_ownsSystem)
        {
            _system.ShutdownAsync("benchmark done").GetAwaiter().GetResult();
        }
    }

    private sealed class SyncActor : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is int x)
            {
                context.Respond(x);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class AsyncActor : IActor
    {
        public async Task ReceiveAsync(IContext context)
        {
            if (context.Message is int x)
            {
                context.Respond(await Echo.SmallValueAsync(x));
            }
        }
    }
}
