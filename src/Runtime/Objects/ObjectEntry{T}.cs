namespace RaySharp.Objects;

/// <summary>An <see cref="ObjectEntry"/> holding a value of type <typeparamref name="T"/>.</summary>
internal sealed partial class ObjectEntry<T> : ObjectEntry
{
    private T _value = default!;

    public ObjectEntry(ObjectId id)
        : base(id)
    {
    }

    private ObjectEntry(ObjectId id, T value)
        : base(id, ready: true) => _value = value;

    /// <summary>Creates an entry that is ready at once.</summary>
    public static ObjectEntry<T> Ready(ObjectId id, T value) => new(id, value);

    /// <summary>The value; only valid once the entry succeeded.</summary>
    public T Value => Lease is null ? _value : ReadThroughStore();

    /// <summary>Writes a value that stays unseen until <see cref="TryPublishStaged"/>; only the producer calls it.</summary>
    public void Stage(T value) => _value = value;

    /// <inheritdoc />
    public override bool TryPublishStaged()
    {
        if (!TryReserve())
        {
            _value = default!;
            return false;
        }

        PublishSuccess();
        return true;
    }
}
