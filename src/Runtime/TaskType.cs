namespace RaySharp;

/// <summary>What a task runs, as Ray's task types.</summary>
public enum TaskType
{
    /// <summary>A remote function (Ray's <c>NORMAL_TASK</c>).</summary>
    NormalTask,

    /// <summary>An actor's constructor (Ray's <c>ACTOR_CREATION_TASK</c>).</summary>
    ActorCreationTask,

    /// <summary>A call on an actor (Ray's <c>ACTOR_TASK</c>).</summary>
    ActorTask,
}
