using System.Collections.Generic;

namespace RaySharp;

public static partial class Ray
{
    /// <summary>
    /// What the current runtime runs and holds (Ray's state API: <c>ray list nodes/tasks/actors/objects</c>,
    /// <c>ray summary tasks</c>, <c>ray memory</c>); the same as <see cref="RayRuntime.State"/> of <see cref="RayRuntime.Current"/>.
    /// Only tracked objects are listed and counted: those larger than <see cref="RayOptions.InlineObjectMaxBytes"/>.
    /// </summary>
    public static class State
    {
        /// <summary>The nodes and their resources; see <see cref="RuntimeState.Nodes"/>.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static IReadOnlyList<NodeInfo> Nodes() => RayRuntime.Current.State.Nodes();

        /// <summary>Tasks and actor calls, with filters and a limit; see <see cref="RuntimeState.Tasks"/>.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
        public static IReadOnlyList<TaskInfo> Tasks(TaskState? state = null, string? name = null, int limit = RuntimeState.DefaultLimit) =>
            RayRuntime.Current.State.Tasks(state, name, limit);

        /// <summary>Actors, alive and dead, with filters and a limit; see <see cref="RuntimeState.Actors"/>.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
        public static IReadOnlyList<ActorInfo> Actors(ActorState? state = null, string? className = null, int limit = RuntimeState.DefaultLimit) =>
            RayRuntime.Current.State.Actors(state, className, limit);

        /// <summary>Tasks counted by name and state (Ray's <c>ray summary tasks</c>); see <see cref="RuntimeState.SummarizeTasks"/>.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static IReadOnlyList<TaskSummary> SummarizeTasks() => RayRuntime.Current.State.SummarizeTasks();

        /// <summary>The live tracked objects, oldest first: id, size, type, location and holders.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static IReadOnlyList<ObjectInfo> Objects() => RayRuntime.Current.State.Objects();

        /// <summary>The store's totals: bytes used and the cap, bytes spilled, object counts.</summary>
        /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
        public static ObjectStoreMemoryInfo Memory() => RayRuntime.Current.State.Memory();
    }
}
