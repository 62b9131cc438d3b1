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
    int NestedRefs);
