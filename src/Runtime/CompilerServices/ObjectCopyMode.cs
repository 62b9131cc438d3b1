using System.ComponentModel;

namespace RaySharp.CompilerServices;

/// <summary>How the object store keeps the values of one type, and what a reader gets back.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ObjectCopyMode
{
    /// <summary>Deeply immutable: stored and handed out by reference, never copied.</summary>
    ByReference,

    /// <summary>
    /// A read-only buffer (<c>ReadOnlyMemory&lt;T&gt;</c> of immutable elements): copied once into store-owned memory
    /// when stored, unless that memory already belongs to the store; every read is zero-copy over the same memory.
    /// </summary>
    ReadOnlyBuffer,

    /// <summary>An array of immutable elements (such as <c>int[]</c>): a block copy when stored and one per read.</summary>
    CloneArray,

    /// <summary>Mutable: serialized with MessagePack when stored; every read deserializes a fresh copy.</summary>
    Serialize,
}
