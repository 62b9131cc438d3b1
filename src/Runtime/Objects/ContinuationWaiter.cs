using System;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Scheduling;

namespace RaySharp.Objects;

/// <summary>
/// Resumes an <c>await</c> on a ref. It never runs the continuation inline on the completing thread:
/// it posts to the captured <see cref="SynchronizationContext"/> or <see cref="TaskScheduler"/> (an async actor's
/// turns), else queues to the thread pool.
/// An async task that awaits a ref gives its CPU back while it waits, and resumes early when it is interrupted
/// (<see cref="Interruption"/>): the awaiter's <c>GetResult</c> then finds the entry pending and throws the cancellation.
/// </summary>
internal sealed class ContinuationWaiter : IObjectWaiter, IThreadPoolWorkItem
{
    private static readonly SendOrPostCallback s_post = state => ((ContinuationWaiter)state!).Run();

    /// <summary>The interrupted task whose continuation runs on this thread now, for the awaiter's <c>GetResult</c> to throw.</summary>
    [ThreadStatic]
    private static IBlockingContext? t_interruptedResume;

    private readonly Action _continuation;
    private readonly SynchronizationContext? _syncContext;
    private readonly TaskScheduler? _scheduler;
    private readonly ExecutionContext? _executionContext;
    private readonly IBlockingContext? _task;
    private CancellationTokenRegistration _interruption;
    private int _scheduled;
    private bool _interrupted;

    private ContinuationWaiter(Action continuation, bool flowContext, IBlockingContext? task)
    {
        _continuation = continuation;
        var sync = SynchronizationContext.Current;
        _syncContext = sync is not null && sync.GetType() != typeof(SynchronizationContext) ? sync : null;
        _scheduler = _syncContext is null && TaskScheduler.Current != TaskScheduler.Default ? TaskScheduler.Current : null;
        _executionContext = flowContext ? ExecutionContext.Capture() : null;
        _task = task;
    }

    public static void Register(ObjectRef entry, Action continuation, bool flowContext)
    {
        var task = BlockingScope.Flowing;
        var waiter = new ContinuationWaiter(continuation, flowContext, task);
        task?.BeginBlocking();
        if (task is { IsInterrupted: true })
        {
            waiter.ScheduleOnce(interrupted: true);
            return;
        }

        if (!entry.TryRegister(waiter))
        {
            waiter.ScheduleOnce();
            return;
        }

        var interruption = Interruption.TokenOf(task);
        if (interruption.CanBeCanceled)
        {
            waiter._interruption = interruption.UnsafeRegister(
                static state =>
                {
                    var (w, e) = ((ContinuationWaiter, ObjectRef))state!;
                    e.Unregister(w);
                    w.ScheduleOnce(interrupted: true);
                },
                (waiter, entry));
        }
    }

    void IObjectWaiter.OnObjectCompleted(ObjectRef entry, int token) => ScheduleOnce();

    /// <summary>
    /// Takes the interrupted task whose await resumes on this thread, if any: the awaiter's <c>GetResult</c> then throws
    /// its cancellation even when the object completed meanwhile, since the interruption won.
    /// </summary>
    public static IBlockingContext? TakeInterruptedResume()
    {
        var context = t_interruptedResume;
        if (context is not null)
        {
            t_interruptedResume = null;
        }

        return context;
    }

    /// <summary>Resumes the continuation once: on completion or on interruption, whichever comes first.</summary>
    private void ScheduleOnce(bool interrupted = false)
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _interrupted = interrupted;
            Schedule();
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Schedule()
    {
        if (_syncContext is not null)
        {
            _syncContext.Post(s_post, this);
        }
        else if (_scheduler is not null)
        {
            Task.Factory.StartNew(static state => ((ContinuationWaiter)state!).Run(), this, CancellationToken.None, TaskCreationOptions.None, _scheduler);
        }
        else
        {
            WorkQueue.Queue(this, preferLocal: true);
        }
    }

    private void Run()
    {
        _interruption.Unregister();
        _task?.EndBlocking();
        var previous = t_interruptedResume;
        t_interruptedResume = _interrupted ? _task : null;
        try
        {
            if (_executionContext is null)
            {
                _continuation();
            }
            else
            {
                ExecutionContext.Run(_executionContext, static state => ((Action)state!)(), _continuation);
            }
        }
        finally
        {
            t_interruptedResume = previous;
        }
    }
}
