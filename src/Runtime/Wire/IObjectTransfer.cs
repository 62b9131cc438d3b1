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
    ObjectRef Resolve(ObjectReference reference, ResultCodec codec);

    /// <summary>
    /// A ref written inside a value that goes to another node: the owner keeps the object alive for the borrower, and
    /// serves its bytes (written by <paramref name="codec"/>) once it is ready. Returns the reference to write (size 0: unknown yet).
    /// </summary>
    ObjectReference OfferNested(ObjectRef reference, ResultCodec codec);

    /// <summary>
    /// A ref read from inside a value that came from another node: this node's own entry, or a borrowed copy that
    /// completes once the owner has it ready and this node has pulled it; this node is the owner's borrower while the copy lives.
    /// </summary>
    ObjectRef ResolveNested(ObjectReference reference, ResultCodec codec);
}
