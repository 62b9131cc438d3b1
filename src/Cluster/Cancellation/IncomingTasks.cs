using System.Collections.Concurrent;
using RaySharp.Objects;

namespace RaySharp.Cluster.Cancellation;

/// <summary>
/// The tasks other nodes (and drivers) sent here that have not ended, by sender and the sender's key, so a cancel the
/// sender sends after the spec finds the task. A cancel travels in the same outbox as the specs, behind the spec it
/// cancels, so a cancel for a key not listed here is for a task that has already ended: it does nothing.
/// </summary>
internal sealed class IncomingTasks
{
    private readonly ConcurrentDictionary<(string From, long Key), ObjectRef> _tasks = new();

    /// <summary>How many tasks sent here have not ended.</summary>
    public int Count => _tasks.Count;

    /// <summary>Lists a task before it is submitted here; <paramref name="result"/> is its entry on this node.</summary>
    public void Add(string from, long key, ObjectRef result) => _tasks[(from, key)] = result;

    /// <summary>Drops a task that ended (or was never submitted).</summary>
    public void Remove(string from, long key) => _tasks.TryRemove((from, key), out _);

    /// <summary>Cancels the task <paramref name="from"/> sent under <paramref name="key"/> as the local runtime cancels its own.</summary>
    public void Cancel(string from, long key, CancelMode mode)
    {
        if (_tasks.TryGetValue((from, key), out var result))
        {
            result.Producer?.Cancel(mode.HasFlag(CancelMode.Force), mode.HasFlag(CancelMode.Recursive));
        }
    }
}
