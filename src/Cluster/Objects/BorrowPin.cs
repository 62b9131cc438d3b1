using RaySharp.Wire;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// An object this node owns whose ref was written inside a value for another node: the pin holds the ref (so the object
/// stays alive) until every borrower that registered has let it go.
/// </summary>
internal sealed class BorrowPin(ObjectRef reference, ResultCodec codec)
{
    public ObjectRef Reference { get; } = reference;

    /// <summary>Writes the value for a borrower.</summary>
    public ResultCodec Codec { get; } = codec;

    /// <summary>Borrowers registered and not yet gone; changed under the pin's lock.</summary>
    public int Borrowers { get; set; }
}
