using MessagePack;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// A snapshot that needs more than its bytes: refs inside it (the bytes hold only their ids, so the snapshot keeps the
/// refs themselves too, and their objects live as long as it does: Ray's nested refs), or the options of the runtime
/// whose own formatters wrote it, so any reader thaws it with those.
/// </summary>
internal sealed class Snapshot(byte[] bytes, ObjectRef[]? nestedRefs, MessagePackSerializerOptions? options)
{
    public byte[] Bytes { get; } = bytes;

    public ObjectRef[]? NestedRefs { get; } = nestedRefs;

    /// <summary>The options to read it with; null for those of the calling code.</summary>
    public MessagePackSerializerOptions? Options { get; } = options;
}
