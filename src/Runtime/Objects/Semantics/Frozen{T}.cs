using RaySharp.Serialization;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// A value as the store keeps it: the value itself (immutable types, store-owned buffers, private array copies) or
/// its serialized bytes (mutable types), and what turns it back into what a reader gets. One reference beside the
/// value: null when readers get the stored value itself, the serialized bytes, or the policy that copies on read.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal readonly struct Frozen<T>
{
    private readonly T _value;
    private readonly object? _thaw;

    public Frozen(T value, byte[]? bytes, CopyPolicy<T> policy)
    {
        _value = value;
        _thaw = bytes is not null ? bytes : policy.ReadsShareTheValue ? null : policy;
    }

    /// <summary>Snapshots <paramref name="value"/> under the type's current policy.</summary>
    public static Frozen<T> Of(T value) => StorePolicy<T>.Current.Freeze(value);

    /// <summary>The stored value, or default when it is kept as bytes; for display only.</summary>
    public T Stored => _value;

    /// <summary>The serialized snapshot, or null.</summary>
    public byte[]? Bytes => _thaw as byte[];

    /// <summary>What a reader gets: the stored value itself, or a fresh copy of it.</summary>
    public T Thaw() => _thaw switch
    {
        null => _value,
        byte[] bytes => RaySerializer.Deserialize<T>(bytes),
        _ => ((CopyPolicy<T>)_thaw).Thaw(_value, null),
    };
}
