using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RaySharp.Actors;
using RaySharp.Observability;

namespace RaySharp.Backend;

/// <summary>The state API's view of the in-process backend: one head node, its task events, its actors.</summary>
internal sealed partial class LocalBackend
{
    /// <summary>How many dead actors the state API remembers (the oldest are forgotten first).</summary>
    private const int DeadActorsKept = 1000;

    private readonly Queue<ActorInfo> _deadActors = new();

    /// <summary>The task history, or null when <see cref="RayOptions.EnableTaskEvents"/> is off.</summary>
    /// <remarks>Set only by the events benchmark, which turns the events on and off between batches of one runtime.</remarks>
    public TaskEventLog? Events { get; set; }

    public RuntimeClock Clock { get; } = new();

    public IReadOnlyList<NodeInfo> Nodes() =>
        [new NodeInfo(NodeId, Environment.MachineName, IsHeadNode: true, IsAlive: !_disposed, TotalResources(), AvailableResources())];

    public NodeTaskHistory TaskHistory() =>
        new(_owner, NodeId, Clock, Events is { } events ? TaskHistoryOf(events) : []);

    public IReadOnlyList<ActorInfo> Actors()
    {
        List<LocalActor> alive;
        lock (_actors)
        {
            alive = [.. _actors.Values];
        }

        List<ActorInfo> rows;
        lock (_deadActors)
        {
            rows = [.. _deadActors];
        }

        rows.AddRange(alive.Select(actor => actor.Describe(NodeId)));
        return [.. rows.DistinctBy(a => a.Id).OrderBy(a => a.Id.Sequence)];
    }

    public TaskCounters TaskCounters() => Events?.Counters() ?? default;

    /// <summary>Adds what the store does not know to its rows: this node, and the unfinished tasks that take each object as an argument.</summary>
    private List<ObjectInfo> WithHolders(IReadOnlyList<ObjectInfo> rows)
    {
        var uses = new Dictionary<ObjectId, int>();
        foreach (var task in Live.Snapshot())
        {
            var args = task.Spec.Args;
            for (var i = 0; i < args.DependencyCount; i++)
            {
                var id = args.GetDependency(i).Id;
                uses[id] = uses.GetValueOrDefault(id) + 1;
            }
        }

        return [.. rows.Select(row => uses.TryGetValue(row.Id, out var pending)
            ? row with { NodeId = NodeId, UsedByPendingTasks = pending, ReferenceType = ObjectReferenceType.UsedByPendingTask }
            : row with { NodeId = NodeId })];
    }

    private static List<TaskRecord> TaskHistoryOf(TaskEventLog events) => Observability.TaskHistory.Build(events);

    /// <summary>Keeps a dying actor's last row for the state API.</summary>
    private void RememberDead(LocalActor actor)
    {
        var row = actor.Describe(NodeId);
        lock (_deadActors)
        {
            _deadActors.Enqueue(row);
            if (_deadActors.Count > DeadActorsKept)
            {
                _deadActors.Dequeue();
            }
        }
    }
}
