using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// The concurrency groups of an actor that declares any (Ray's <c>concurrency_groups</c>): each group has its own
/// queue and running count, so a full or blocked group never holds up another. The default group (calls that
/// name no group) comes first and is limited by the actor's <c>MaxConcurrency</c>. An actor without groups has none
/// of this: its calls keep the single mailbox. Not thread-safe: the actor guards it with its lock.
/// </summary>
[DebuggerDisplay("{_groups.Length} groups, {QueuedCount} queued")]
internal sealed class ConcurrencyGroupSet
{
    /// <summary>The default group first, then the declared groups by name.</summary>
    private readonly Group[] _groups;
    private readonly Dictionary<string, Group> _byName;

    /// <summary>The group the next search for a runnable call starts at, so busy groups take turns.</summary>
    private int _nextStart;

    private ConcurrencyGroupSet(Group[] groups)
    {
        _groups = groups;
        _byName = new Dictionary<string, Group>(StringComparer.Ordinal);
        for (var i = 1; i < groups.Length; i++)
        {
            _byName.Add(groups[i].Name!, groups[i]);
        }
    }

    /// <summary>How many groups, the default one included: group numbers run from 0 (the default) to this minus one.</summary>
    public int Count => _groups.Length;

    /// <summary>How many calls wait in every group's queue.</summary>
    public int QueuedCount
    {
        get
        {
            var count = 0;
            foreach (var group in _groups)
            {
                count += group.Queue.Count;
            }

            return count;
        }
    }

    /// <summary>The groups of an actor, or null when it declares none (it then keeps the single mailbox).</summary>
    /// <param name="declared">The declared groups: name → limit.</param>
    /// <param name="defaultLimit">The default group's limit: the actor's <c>MaxConcurrency</c>.</param>
    /// <param name="className">The actor's class, for messages.</param>
    /// <exception cref="ArgumentException">A name is empty or a limit is below 1.</exception>
    public static ConcurrencyGroupSet? Create(IReadOnlyDictionary<string, int>? declared, int defaultLimit, string className)
    {
        if (declared is null || declared.Count == 0)
        {
            return null;
        }

        var groups = new List<Group> { new(null, defaultLimit) };
        foreach (var (name, limit) in declared.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"A concurrency group of actor {className} has an empty name. Give every group a name.", "options");
            }

            if (limit < 1)
            {
                throw new ArgumentException(
                    $"Concurrency group '{name}' of actor {className} has limit {limit}; a group needs a limit of at least 1.", "options");
            }

            groups.Add(new Group(name, limit));
        }

        return new ConcurrencyGroupSet([.. groups]);
    }

    /// <summary>Throws when <paramref name="group"/> names no group of the actor; null (the default group) always passes.</summary>
    /// <exception cref="ArgumentException">The actor has no such group.</exception>
    public static void Check(ConcurrencyGroupSet? groups, string? group, string className)
    {
        if (group is null || (groups is not null && groups._byName.ContainsKey(group)))
        {
            return;
        }

        var declared = groups is null
            ? "it declares none; declare one with [RayConcurrencyGroup(name, limit)] on the class or ActorOptions.ConcurrencyGroups"
            : "its groups are " + string.Join(", ", groups._byName.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => "'" + k + "'"))
                + ", and a call that names none runs in the default group";
        throw new ArgumentException($"Actor {className} has no concurrency group '{group}': {declared}.");
    }

    /// <summary>Queues a call at the back of its group.</summary>
    public void AddLast(LocalTask call) => GroupOf(call).Queue.AddLast(call);

    /// <summary>Puts an interrupted call back at the front of its group (a restart retries it first).</summary>
    public void AddFirst(LocalTask call) => GroupOf(call).Queue.AddFirst(call);

    /// <summary>True when some group has room and a queued call.</summary>
    public bool CanRunAny()
    {
        foreach (var group in _groups)
        {
            if (group.HasRunnableCall())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts the first queued call of the next group (round robin) that has room for one; counts it as running.</summary>
    /// <param name="groupNumber">The call's group: 0 for the default group, then the declared groups by name.</param>
    public LocalTask? TakeRunnable(out int groupNumber)
    {
        for (var n = 0; n < _groups.Length; n++)
        {
            var index = (_nextStart + n) % _groups.Length;
            var group = _groups[index];
            while (group.Running < group.Limit && group.Queue.FirstQueued() is var first and >= 0)
            {
                var call = group.Queue.RemoveAt(first);
                if (call.TryStartActorCall())
                {
                    group.Running++;
                    _nextStart = (index + 1) % _groups.Length;
                    groupNumber = index;
                    return call;
                }
            }
        }

        groupNumber = 0;
        return null;
    }

    /// <summary>A running call of this actor ended (it left the actor's running list): its group has room again.</summary>
    public void Ended(LocalTask call) => GroupOf(call).Running--;

    /// <summary>Every running call was taken away (restart or death): no group has one running.</summary>
    public void ClearRunning()
    {
        foreach (var group in _groups)
        {
            group.Running = 0;
        }
    }

    /// <summary>Moves every queued call of every group into <paramref name="into"/>.</summary>
    public void TakeAll(List<LocalTask> into)
    {
        foreach (var group in _groups)
        {
            while (group.Queue.Count > 0)
            {
                into.Add(group.Queue.RemoveFirst());
            }
        }
    }

    /// <summary>The call's group; the default one for a call naming none (submission already refused unknown names).</summary>
    private Group GroupOf(LocalTask call) =>
        call.Options.ConcurrencyGroup is { } name && _byName.TryGetValue(name, out var group) ? group : _groups[0];

    /// <summary>One group: its limit, its calls in submission order, and how many of them run.</summary>
    [DebuggerDisplay("{Name ?? \"(default)\",nq} {Running}/{Limit} running, {Queue.Count} queued")]
    private sealed class Group(string? name, int limit)
    {
        /// <summary>The name; null for the default group.</summary>
        public string? Name { get; } = name;

        public int Limit { get; } = limit;

        public CallDeque Queue { get; } = new();

        public int Running { get; set; }

        /// <summary>True when the group has room and a queued call; drops finished (cancelled, failed) calls.</summary>
        /// <remarks>
        /// A call still waiting for its ref arguments is passed over: groups exist only on async and threaded actors,
        /// which promise no order (Ray runs their calls as their arguments become ready).
        /// </remarks>
        public bool HasRunnableCall() => Running < Limit && Queue.FirstQueued() >= 0;
    }
}
