using System.Threading;

namespace RaySharp.Objects;

/// <summary>
/// The running task, as the object layer sees it when that task is about to wait for an object.
/// The scheduler implements it so that a waiting task can run the producer itself, or give its CPU back.
/// </summary>
internal interface IBlockingContext
{
    /// <summary>The runtime the task runs in: remote calls made from it go there.</summary>
    RayRuntime Runtime { get; }

    /// <summary>Tries to run the task that produces <paramref name="awaited"/> on this thread, now.</summary>
    bool TryRunProducerInline(ObjectRef awaited);

    /// <summary>The caller is about to block or suspend: release the CPU the task holds.</summary>
    void BeginBlocking();

    /// <summary>The caller resumes: take the CPU back.</summary>
    void EndBlocking();

    /// <summary>
    /// True once the task was cancelled in a way that interrupts its waits (Ray's KeyboardInterrupt): every blocking
    /// call in it then throws <see cref="InterruptedError"/> instead of waiting. A cheap read, for the checks before a wait.
    /// </summary>
    bool IsInterrupted { get; }

    /// <summary>
    /// Signalled when <see cref="IsInterrupted"/> becomes true; <see cref="CancellationToken.None"/> when nothing can
    /// interrupt the task's waits. Read it only on the way to blocking: the first read may create the token source.
    /// </summary>
    CancellationToken Interruption { get; }

    /// <summary>The error a blocking call in an interrupted task throws: the task's <see cref="TaskCancelledException"/>.</summary>
    TaskCancelledException InterruptedError();
}
