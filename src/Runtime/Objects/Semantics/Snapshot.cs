namespace RaySharp.Objects.Semantics;

/// <summary>
/// A snapshot that has refs inside it: the serialized bytes hold only the refs' ids, so the snapshot keeps the refs
/// themselves too, and their objects live as long as it does (Ray's nested refs).
/// </summary>
internal sealed class Snapshot(byte[] bytes, ObjectRef[] nestedRefs)
{
    public byte[] Bytes { get; } = bytes;

    public ObjectRef[] NestedRefs { get; } = nestedRefs;
}
