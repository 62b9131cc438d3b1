using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Tests.Support;

/// <summary>
/// Test-only remote functions built from lambdas: each gets a unique id and an invoker, as generated code would
/// provide. <c>Remote</c> submits to <see cref="RayRuntime.Current"/>.
/// </summary>
internal static class Fn
{
    private static long s_nextId = 0x7E57_0000_0000_0000;

    public static Fn<TResult> Of<TResult>(Func<CancellationToken, TResult> body, TaskOptions? options = null, string? name = null) =>
        new(Create(name, false, options, (_, invocation) => invocation.Return(body(invocation.CancellationToken))));

    public static Fn<TResult> OfAsync<TResult>(Func<CancellationToken, Task<TResult>> body, TaskOptions? options = null, string? name = null) =>
        new(Create(name, true, options, (_, invocation) => invocation.ReturnAsync(body(invocation.CancellationToken))));

    public static Fn<T1, TResult> Of<T1, TResult>(Func<T1, CancellationToken, TResult> body, TaskOptions? options = null, string? name = null) =>
        new(Create(name, false, options, (args, invocation) => invocation.Return(body(((Args<T1>)args).Arg1.Value, invocation.CancellationToken))));

    public static Fn<T1, TResult> OfAsync<T1, TResult>(Func<T1, CancellationToken, Task<TResult>> body, TaskOptions? options = null, string? name = null) =>
        new(Create(name, true, options, (args, invocation) => invocation.ReturnAsync(body(((Args<T1>)args).Arg1.Value, invocation.CancellationToken))));

    public static Fn<T1, T2, TResult> Of<T1, T2, TResult>(Func<T1, T2, CancellationToken, TResult> body, TaskOptions? options = null, string? name = null) =>
        new(Create(name, false, options, (args, invocation) =>
        {
            var a = (Args<T1, T2>)args;
            return invocation.Return(body(a.Arg1.Value, a.Arg2.Value, invocation.CancellationToken));
        }));

    /// <summary>A function whose invoker body is written out, for results the helpers above do not cover.</summary>
    public static RemoteFunction Raw(Func<TaskArgs, RemoteInvocation, ValueTask> body, bool isAsync = false, string? name = null) =>
        Create(name, isAsync, null, body);

    private static RemoteFunction Create(string? name, bool isAsync, TaskOptions? options, Func<TaskArgs, RemoteInvocation, ValueTask> body)
    {
        var id = (ulong)Interlocked.Increment(ref s_nextId);
        return new RemoteFunction(id, name ?? $"Tests.Fn{id & 0xFFFF}", new Invoker(body), isAsync, options);
    }

    private sealed class Invoker(Func<TaskArgs, RemoteInvocation, ValueTask> body) : IRemoteInvoker
    {
        public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) => body(args, invocation);
    }
}

internal sealed class Fn<TResult>(RemoteFunction function)
{
    public RemoteFunction Function { get; } = function;

    public ObjectRef<TResult> Remote(TaskOptions? options = null) =>
        RayRuntime.Current.Submit<TResult>(new TaskSpec(Function, TaskArgs.None, options));
}

internal sealed class Fn<T1, TResult>(RemoteFunction function)
{
    public ObjectRef<TResult> Remote(Arg<T1> arg1, TaskOptions? options = null) =>
        RayRuntime.Current.Submit<TResult>(new TaskSpec(function, new Args<T1>(arg1), options));
}

internal sealed class Fn<T1, T2, TResult>(RemoteFunction function)
{
    public ObjectRef<TResult> Remote(Arg<T1> arg1, Arg<T2> arg2, TaskOptions? options = null) =>
        RayRuntime.Current.Submit<TResult>(new TaskSpec(function, new Args<T1, T2>(arg1, arg2), options));
}
