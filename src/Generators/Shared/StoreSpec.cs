namespace RaySharp.Generators.Shared;

/// <summary>How the object store keeps values of a type; mirrors the runtime's <c>RaySharp.CompilerServices.ObjectCopyMode</c>.</summary>
internal enum StoreKind
{
    /// <summary>Deeply immutable: by reference, never copied.</summary>
    ByReference,

    /// <summary><c>ReadOnlyMemory&lt;T&gt;</c> of unmanaged or immutable elements: copied once when stored, zero-copy reads.</summary>
    ReadOnlyBuffer,

    /// <summary>An array of unmanaged or immutable elements: one block copy when stored and one per read.</summary>
    CloneArray,

    /// <summary>Mutable: a MessagePack snapshot when stored; every read deserializes a fresh copy.</summary>
    Serialize,
}

/// <summary>One registration of the generated store-semantics file: how values of <see cref="TypeKey"/> are stored.</summary>
/// <remarks>Equality contract: value equality over every member; the collected list de-duplicates by <see cref="TypeKey"/>.</remarks>
/// <param name="TypeKey">The <c>global::</c>-qualified type without nullable annotations: the sort key and the type argument.</param>
/// <param name="Kind">How it is stored.</param>
/// <param name="Element">For <see cref="StoreKind.ReadOnlyBuffer"/>, the element type (the registration is made per element); otherwise null.</param>
internal sealed record StoreSpec(string TypeKey, StoreKind Kind, string? Element);
