namespace RaySharp.Objects.Store;

/// <summary>
/// The store's hold on one tracked object, referenced only by the object's <see cref="ObjectEntry"/>. An entry is
/// reachable while a ref to it is (in user code, in a pending task's arguments, or inside another in-memory value);
/// once it is not, the GC finalizes this lease and the store releases the object: its bytes leave the accounting and
/// its spill file is deleted. This is how reference counting works in one process: the GC counts.
/// </summary>
internal sealed class StoreLease(StoredObject record)
{
    public StoredObject Record { get; } = record;

    ~StoreLease() => Record.Store.Release(Record);
}
