using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp.Backend;

namespace RaySharp;

/// <summary>
/// What one runtime runs and holds, as Ray's state API (<c>ray list nodes/tasks/actors/objects</c>, <c>ray summary
/// tasks</c>, <c>ray memory</c>): <see cref="RayRuntime.State"/>, or <see cref="Ray.State"/> for the current runtime.
/// Each call takes a fresh snapshot.
/// </summary>
/// <remarks>
/// Tasks come from a bounded history of task events (<see cref="RayOptions.EnableTaskEvents"/>): each thread keeps
/// its latest 8,192 submission events and the starts and ends of about its latest 8,192 tasks, so a busy runtime
/// forgets its oldest tasks, as Ray drops task events past its limit.
/// Dead actors are kept up to the latest 1,000.
/// </remarks>
public sealed class RuntimeState
{
    /// <summary>The number of rows a list returns unless told otherwise (Ray's default limit).</summary>
    public const int DefaultLimit = 100;

    private readonly IRayBackend _backend;

    internal RuntimeState(IRayBackend backend) => _backend = backend;

    /// <summary>The nodes: their resources in total and free now (the in-process runtime is one head node).</summary>
    public IReadOnlyList<NodeInfo> Nodes() => _backend.Nodes();

    /// <summary>Tasks and actor calls, oldest first: the newest <paramref name="limit"/> of those that match.</summary>
    /// <param name="state">Only tasks in this state; null for all.</param>
    /// <param name="name">Only tasks with this exact name (<see cref="TaskInfo.Name"/>); null for all.</param>
    /// <param name="limit">At most this many rows, the newest.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public IReadOnlyList<TaskInfo> Tasks(TaskState? state = null, string? name = null, int limit = DefaultLimit)
    {
        CheckLimit(limit);
        var matching = _backend.TaskHistory().Infos()
            .Where(t => (state is null || t.State == state) && (name is null || t.Name == name))
            .ToList();
        return matching.Count > limit ? matching.GetRange(matching.Count - limit, limit) : matching;
    }

    /// <summary>Actors, alive and dead, oldest first: the newest <paramref name="limit"/> of those that match.</summary>
    /// <param name="state">Only actors in this state; null for all.</param>
    /// <param name="className">Only actors of this class (<see cref="ActorInfo.ClassName"/>); null for all.</param>
    /// <param name="limit">At most this many rows, the newest.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public IReadOnlyList<ActorInfo> Actors(ActorState? state = null, string? className = null, int limit = DefaultLimit)
    {
        CheckLimit(limit);
        var matching = _backend.Actors()
            .Where(a => (state is null || a.State == state) && (className is null || a.ClassName == className))
            .ToList();
        return matching.Count > limit ? matching.GetRange(matching.Count - limit, limit) : matching;
    }

    /// <summary>The tasks counted by name and state, in order of first submission (Ray's <c>ray summary tasks</c>).</summary>
    public IReadOnlyList<TaskSummary> SummarizeTasks() => TaskSummary.Of(_backend.TaskHistory().Infos());

    /// <summary>The live tracked objects, oldest first: id, size, type, location and holders.</summary>
    public IReadOnlyList<ObjectInfo> Objects() => _backend.ObjectsInStore();

    /// <summary>The store's totals: bytes used and the cap, bytes spilled, object counts.</summary>
    public ObjectStoreMemoryInfo Memory() => _backend.StoreMemory();

    private static void CheckLimit(int limit)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is the most rows to return and must be at least 1; pass RuntimeState.DefaultLimit or more.");
        }
    }
}
