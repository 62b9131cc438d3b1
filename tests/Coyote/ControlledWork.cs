using System.Threading;
using System.Threading.Tasks;
using RaySharp.Scheduling;

namespace RaySharp.Coyote;

/// <summary>
/// Routes the runtime's thread-pool work through <c>Task.Run</c>, which Coyote's rewriting turns into work its
/// scheduler controls; the thread pool's own queue it cannot see (it reports it as an uncontrolled invocation).
/// </summary>
internal static class ControlledWork
{
    private static int s_pending;

    /// <summary>Routes the runtime's work through Coyote, and keeps the store's finalized leases from the finalizer thread (see <see cref="FinalizedLeases"/>).</summary>
    public static void Install()
    {
        // Under Coyote the store's lock is Coyote's mock of Monitor, which gives no exclusion to a thread it does not
        // control: a lease finalized on the finalizer thread released its object alongside a controlled operation
        // (a double release, found by the long spilling run). Finalized leases are kept instead; the races release them.
        FinalizedLeases.Install();
        s_pending = 0;
        WorkQueue.Override = static item =>
        {
            Interlocked.Increment(ref s_pending);
            Task.Run(new OneShot(item).Execute);
        };
    }

    /// <summary>
    /// Waits (bounded, at controlled scheduling points) until every work item the runtime queued has run: a queued
    /// item holds its task, with the task's arguments and result, so the store races wait for it before they check
    /// that dropping the last refs empties the store. True when none is left.
    /// </summary>
    public static async Task<bool> DrainAsync()
    {
        for (var i = 0; i < 100 && Volatile.Read(ref s_pending) > 0; i++)
        {
            await Task.Delay(1); // a controlled scheduling point under Coyote, not a timing assumption
        }

        return Volatile.Read(ref s_pending) == 0;
    }

    /// <summary>Drops its work item once run: Coyote keeps every operation of an iteration, and with it what it references.</summary>
    private sealed class OneShot(IThreadPoolWorkItem item)
    {
        private IThreadPoolWorkItem? _item = item;

        public void Execute()
        {
            var item = _item!;
            _item = null;
            item.Execute();
            Interlocked.Decrement(ref s_pending);
        }
    }
}
