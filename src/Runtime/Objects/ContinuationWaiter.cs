using System;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>
/// Resumes an <c>await</c> on a ref. It never runs the continuation inline on the completing thread:
/// it posts to the captured <see cref="SynchronizationContext"/>, else queues to the thread pool.
/// An async task that awaits a ref gives its CPU back while it waits.
/// </summary>
internal sealed class ContinuationWaiter : IObjectWaiter, IThreadPoolWorkItem
{
    private static readonly SendOrPostCallback s_post = state => ((ContinuationWaiter)state!).Run();

    private readonly Action _continuation;
    private readonly SynchronizationContext? _syncContext;
    private readonly ExecutionContext? _executionContext;
    private readonly IBlockingContext? _task;

    private ContinuationWaiter(Action continuation, bool flowContext, IBlockingContext? task)
    {
        _continuation = continuation;
        var sync = SynchronizationContext.Current;
        _syncContext = sync is not null && sync.GetType() != typeof(SynchronizationContext) ? sync : null;
        _executionContext = flowContext ? ExecutionContext.Capture() : null;
        _task = task;
    }

    public static void Register(ObjectEntry entry, Action continuation, bool flowContext)
    {
        var task = BlockingScope.Flowing;
        var waiter = new ContinuationWaiter(continuation, flowContext, task);
        task?.BeginBlocking();
        if (!entry.TryRegister(waiter))
        {
            waiter.Schedule();
        }
    }

    void IObjectWaiter.OnObjectCompleted(ObjectEntry entry, int token) => Schedule();

    void IThreadPoolWorkItem.Execute() => Run();

    private void Schedule()
    {
        if (_syncContext is not null)
        {
            _syncContext.Post(s_post, this);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    private void Run()
    {
        _task?.EndBlocking();
        if (_executionContext is null)
        {
            _continuation();
        }
        else
        {
            ExecutionContext.Run(_executionContext, static state => ((Action)state!)(), _continuation);
        }
    }
}
