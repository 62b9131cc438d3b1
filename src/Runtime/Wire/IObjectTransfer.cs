using RaySharp.Objects;

namespace RaySharp.Wire;

/// <summary>
/// How a node moves large objects (implemented by the cluster backend): a ready ref argument whose bytes are longer
/// than <see cref="InlineMaxBytes"/> is offered (kept to be pulled) and written as an <see cref="ObjectReference"/>;
/// the receiving node resolves the reference to a local entry that completes once the bytes have been pulled.
/// </summary>
internal interface IObjectTransfer
{
    /// <summary>Values up to this many bytes travel inside the spec; longer ones by reference.</summary>
    int InlineMaxBytes { get; }

    /// <summary>Keeps the value's <paramref name="bytes"/> for other nodes to pull; returns the reference to write.</summary>
    ObjectReference Offer(ObjectRef reference, byte[] bytes);

    /// <summary>The reference of an object already offered, so its value is not serialized again; false when there is none.</summary>
    bool TryReuse(ObjectRef reference, out ObjectReference offered);

    /// <summary>
    /// The local entry that stands for the remote object: this node's own entry, its cached copy, or a new pending
    /// entry (made by <paramref name="codec"/>) that completes when its bytes arrive. One pull per node and object.
    /// </summary>
    ObjectEntry Resolve(ObjectReference reference, ResultCodec codec);
}
