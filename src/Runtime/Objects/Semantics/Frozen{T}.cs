using System;
using MessagePack;
using RaySharp.CompilerServices;
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

    public Frozen(T value, byte[]? bytes, CopyPolicy<T> policy, ObjectRef[]? nestedRefs = null, MessagePackSerializerOptions? writtenWith = null)
    {
        _value = value;
        _thaw = bytes is null ? (policy.ReadsShareTheValue ? null : policy)
            : nestedRefs is null && writtenWith is null ? bytes
            : new Snapshot(bytes, nestedRefs, writtenWith);
    }

    private Frozen(T value, object? thaw)
    {
        _value = value;
        _thaw = thaw;
    }

    /// <summary>What turns <see cref="Stored"/> into a reader's value (null, bytes, a snapshot or a policy); see <see cref="FromParts"/>.</summary>
    public object? Thawer => _thaw;

    /// <summary>Puts back together a frozen value that a holder kept as its two parts, <see cref="Stored"/> and <see cref="Thawer"/>.</summary>
    public static Frozen<T> FromParts(T stored, object? thawer) => new(stored, thawer);

    /// <summary>Snapshots <paramref name="value"/> under the type's current policy.</summary>
    /// <remarks>A primitive is its own snapshot, so it skips the policy (the JIT drops the other branch per type).</remarks>
    public static Frozen<T> Of(T value) => typeof(T).IsPrimitive ? new(value, thaw: null) : StorePolicy<T>.Current.Freeze(value);

    /// <summary>
    /// A value read back from the spill file that <see cref="Bytes"/> or the serialized stored value was written to:
    /// a snapshot stays bytes (every read still copies), anything else becomes a stored value again under the type's policy.
    /// </summary>
    /// <param name="bytes">The spill file's contents.</param>
    /// <param name="nestedRefs">The refs found inside the value when it was spilled, which a snapshot goes on holding.</param>
    public static Frozen<T> FromSpilled(ReadOnlyMemory<byte> bytes, ObjectRef[]? nestedRefs)
    {
        var policy = StorePolicy<T>.Current;
        return policy.Mode == ObjectCopyMode.Serialize
            ? new Frozen<T>(default!, bytes.ToArray(), policy, nestedRefs)
            : new Frozen<T>(RaySerializer.Deserialize<T>(bytes), null, policy);
    }

    /// <summary>The stored value, or default when it is kept as bytes; for sizing and spilling.</summary>
    public T Stored => _value;

    /// <summary>The serialized snapshot, or null.</summary>
    public byte[]? Bytes => _thaw switch
    {
        byte[] bytes => bytes,
        Snapshot snapshot => snapshot.Bytes,
        _ => null,
    };

    /// <summary>The refs inside a snapshot, which it keeps alive; null when it has none or is not a snapshot.</summary>
    public ObjectRef[]? NestedRefs => (_thaw as Snapshot)?.NestedRefs;

    /// <summary>What a reader gets: the stored value itself, or a fresh copy of it.</summary>
    public T Thaw() => _thaw switch
    {
        null => _value,
        byte[] bytes => RaySerializer.Deserialize<T>(bytes),
        Snapshot snapshot => RaySerializer.Deserialize<T>(snapshot.Bytes, snapshot.Options),
        _ => ((CopyPolicy<T>)_thaw).Thaw(_value, null),
    };
}
