using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Benchmarks;

/// <summary>
/// The remote functions the benchmarks call, written the way the source generator will emit them: one
/// <see cref="RemoteFunction"/> per method and an invoker that switches on the function id, with no reflection.
/// </summary>
internal static class BenchFunctions
{
    public const ulong EchoId = 0xBE7C_0000_0000_0001;
    public const ulong IncrementId = 0xBE7C_0000_0000_0002;
    public const ulong ZeroId = 0xBE7C_0000_0000_0003;
    public const ulong BlockId = 0xBE7C_0000_0000_0004;

    /// <summary><c>int Echo(int x) =&gt; x</c>: the trivial task of Ray's ray_perf.py.</summary>
    public static readonly RemoteFunction Echo = new(EchoId, "Bench.Echo", Invoker.Instance, isAsync: false);

    /// <summary><c>int Increment(int x) =&gt; x + 1</c>: one link of a dependency chain.</summary>
    public static readonly RemoteFunction Increment = new(IncrementId, "Bench.Increment", Invoker.Instance, isAsync: false);

    /// <summary><c>int Zero() =&gt; 0</c>: a task with no arguments.</summary>
    public static readonly RemoteFunction Zero = new(ZeroId, "Bench.Zero", Invoker.Instance, isAsync: false);

    /// <summary><c>int Block()</c>: holds its CPU until <see cref="Gate"/> is set.</summary>
    public static readonly RemoteFunction Block = new(BlockId, "Bench.Block", Invoker.Instance, isAsync: false);

    /// <summary>What <see cref="Block"/> waits for.</summary>
    public static ManualResetEventSlim Gate { get; set; } = new(true);

    private sealed class Invoker : IRemoteInvoker
    {
        public static readonly Invoker Instance = new();

        public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) => function.Id switch
        {
            EchoId => invocation.Return(((Args<int>)args).Arg1.Value),
            IncrementId => invocation.Return(((Args<int>)args).Arg1.Value + 1),
            ZeroId => invocation.Return(0),
            BlockId => invocation.Return(WaitForGate()),
            _ => throw new InvalidOperationException($"The benchmark invoker has no case for {function}."),
        };

        private static int WaitForGate()
        {
            Gate.Wait();
            return 0;
        }
    }
}
