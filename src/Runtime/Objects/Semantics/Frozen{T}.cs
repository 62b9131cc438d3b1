namespace RaySharp.Objects.Semantics;

/// <summary>
/// A value as the store keeps it: the value itself (immutable types, store-owned buffers, private array copies) or
/// its serialized bytes (mutable types), with the policy that made it and turns it back into what a reader gets.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal readonly struct Frozen<T>
{
    private readonly T _value;
    private readonly byte[]? _bytes;
    private readonly CopyPolicy<T>? _policy;

    public Frozen(T value, byte[]? bytes, CopyPolicy<T> policy)
    {
        _value = value;
        _bytes = bytes;
        _policy = policy;
    }

    /// <summary>Snapshots <paramref name="value"/> under the type's current policy.</summary>
    public static Frozen<T> Of(T value) => StorePolicy<T>.Current.Freeze(value);

    /// <summary>The stored value, or default when it is kept as bytes; for display only.</summary>
    public T Stored => _value;

    /// <summary>The serialized snapshot, or null.</summary>
    public byte[]? Bytes => _bytes;

    /// <summary>What a reader gets: the stored value itself, or a fresh copy of it.</summary>
    public T Thaw() => _policy is null ? _value : _policy.Thaw(_value, _bytes);
}
