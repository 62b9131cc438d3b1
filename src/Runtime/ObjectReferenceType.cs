namespace RaySharp;

/// <summary>
/// What keeps an object alive, as the <c>reference_type</c> column of Ray's <c>ray memory</c> and <c>ray list objects</c>.
/// RaySharp lists one row per object, with the strongest reason it knows: a pending task, then a spilled object, then code.
/// </summary>
public enum ObjectReferenceType
{
    /// <summary>A ref held by code (the driver's or a task's): Ray's <c>LOCAL_REFERENCE</c>.</summary>
    LocalReference,

    /// <summary>An argument of a task that has not ended: Ray's <c>USED_BY_PENDING_TASK</c>.</summary>
    UsedByPendingTask,

    /// <summary>Held by a ref inside another object that is spilled to disk: Ray's <c>CAPTURED_IN_OBJECT</c>.</summary>
    CapturedInObject,
}
