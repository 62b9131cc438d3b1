using RaySharp.Objects.Semantics;

namespace RaySharp.Objects;

/// <summary>
/// The ref (<see cref="ObjectRef{T}"/>) and local entry of an object, holding a value of type <typeparamref name="T"/>, frozen by the type's copy policy:
/// immutable values by reference, mutable ones as a snapshot that every read copies (see <c>ObjectSemantics</c>).
/// A tracked (large) value lives in the store's lease instead (see <c>ObjectEntry{T}.Store.cs</c>).
/// </summary>
internal sealed partial class ObjectEntry<T> : ObjectRef<T>
{
    private Frozen<T> _value;

    public ObjectEntry(ObjectId id)
        : base(id)
    {
    }

    private ObjectEntry(ObjectId id, Frozen<T> value)
        : base(id, ready: true) => _value = value;

    /// <summary>Creates an entry that is ready at once, snapshotting <paramref name="value"/> when its type is mutable.</summary>
    public static ObjectEntry<T> Ready(ObjectId id, T value) => new(id, Frozen<T>.Of(value));

    /// <summary>Creates an entry that is ready at once from an already frozen value (no further copy).</summary>
    public static ObjectEntry<T> Ready(ObjectId id, Frozen<T> value) => new(id, value);

    /// <summary>What one reader gets: the value itself when immutable, else a fresh copy. Only valid once the entry succeeded.</summary>
    public T Value => (Lease is null ? _value : ReadThroughStore()).Thaw();

    /// <summary>Snapshots a value that stays unseen until <see cref="TryPublishStaged"/>; only the producer calls it.</summary>
    public void Stage(T value) => _value = Frozen<T>.Of(value);

    /// <inheritdoc />
    internal override ObjectRef NewStaging() => new ObjectEntry<T>(Id);

    /// <inheritdoc />
    internal override void AdoptStaged(ObjectRef staging) => _value = ((ObjectEntry<T>)staging)._value;

    /// <inheritdoc />
    internal override bool TryPublishStaged()
    {
        if (!TryReserve())
        {
            _value = default;
            return false;
        }

        PublishSuccess();
        return true;
    }
}
