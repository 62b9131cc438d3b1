using System;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Where the runtime hands work to threads: the .NET thread pool. One seam, so a systematic-testing harness (Coyote,
/// which controls <c>Task</c> but not the thread pool's own queue) can route tasks and continuations through work it
/// controls (<see cref="Override"/>); nothing else sets it, and unset it costs one static read per dispatch.
/// </summary>
internal static class WorkQueue
{
    /// <summary>When set, receives every work item instead of the thread pool; tests only, set before any runtime starts.</summary>
    internal static Action<IThreadPoolWorkItem>? Override { get; set; }

    public static void Queue(IThreadPoolWorkItem item, bool preferLocal)
    {
        if (Override is { } route)
        {
            route(item);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal);
    }
}
