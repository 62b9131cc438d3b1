namespace RaySharp;

/// <summary>One live object in the store, as <see cref="Ray.State.Objects"/> lists it (a row of <c>ray memory</c>).</summary>
/// <param name="Id">The object's id.</param>
/// <param name="SizeBytes">The size accounted against the cap: exact for primitives, strings and arrays or buffers of
/// unmanaged values, an estimate for other objects (see docs/runtime.md, "Object store memory").</param>
/// <param name="TypeName">The full name of the value's static type.</param>
/// <param name="Location">In memory or spilled to disk.</param>
/// <param name="SpilledBytes">The exact size of its spill file while spilled, else 0.</param>
/// <param name="HeldBySpilledObjects">How many spilled objects hold a ref to this one, keeping it alive while they
/// are on disk. Refs held by your code, by pending tasks and by in-memory values keep it alive too, through the GC,
/// which does not count them.</param>
/// <param name="NestedRefs">How many refs this object holds while it is spilled (refs inside it that it keeps alive).</param>
public sealed record ObjectInfo(
    ObjectId Id,
    long SizeBytes,
    string TypeName,
    ObjectLocation Location,
    long SpilledBytes,
    int HeldBySpilledObjects,
    int NestedRefs)
{
    /// <summary>The node that holds it (<see cref="NodeInfo.NodeId"/>).</summary>
    public string NodeId { get; init; } = "";

    /// <summary>
    /// The task that made it: the one that returned it or called <c>Ray.Put</c> for it; null when the driver (code
    /// outside any task) put it. Ray's owner of a task's result is the task's caller; this is the task itself, the
    /// place to look for why the object exists.
    /// </summary>
    public TaskId? OwnerTaskId { get; init; }

    /// <summary>The name of <see cref="OwnerTaskId"/>'s task, or <c>"driver"</c>.</summary>
    public string Owner { get; init; } = "driver";

    /// <summary>What keeps it alive (Ray's <c>reference_type</c>): a pending task's argument, a spilled object's ref, or code.</summary>
    public ObjectReferenceType ReferenceType { get; init; }

    /// <summary>
    /// How many tasks that have not ended take it as an argument (Ray's <c>USED_BY_PENDING_TASK</c> references).
    /// Actor calls are not counted.
    /// </summary>
    public int UsedByPendingTasks { get; init; }
}
