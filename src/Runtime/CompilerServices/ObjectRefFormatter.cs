using System.ComponentModel;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.Objects;
using RaySharp.Objects.Store;
using RaySharp.Serialization;
using RaySharp.Wire;

namespace RaySharp.CompilerServices;

/// <summary>
/// Writes an <see cref="ObjectRef{T}"/> as its <see cref="ObjectId"/> and reads it back as a ref to the same live
/// object, so refs can sit inside stored and serialized values (Ray's nested refs). The runtime's resolver uses it for
/// every <c>ObjectRef&lt;T&gt;</c>; nothing is generated at run time.
/// </summary>
/// <remarks>
/// Writing a ref lets the runtime find its object again by id. Reading one resolves the id in the runtime that is
/// spilling or restoring, else in <see cref="RayRuntime.Current"/>; it throws when that runtime has no live object with
/// that id (the object was released, or belongs to another runtime). While an object is spilled, the refs inside it
/// keep their targets alive.
/// </remarks>
/// <typeparam name="T">The type of the referenced value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ObjectRefFormatter<T> : IMessagePackFormatter<ObjectRef<T>?>
{
    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ObjectRef<T>? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        if (WireScope.Current is { } transfer)
        {
            // Going to another node: the ref names its owner's node, which keeps the object alive for the borrower.
            transfer.OfferNested(value, ResultCodec<T>.Instance).WriteNested(ref writer);
            return;
        }

        WriteRef(ref writer, value, options);
    }

    /// <inheritdoc />
    public ObjectRef<T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (ObjectReference.TryReadNested(ref reader, out var remote))
        {
            var transfer = WireScope.Current
                ?? throw new MessagePackSerializationException($"Cannot read ObjectRef<{typeof(T).Name}> {remote.Id} of node {remote.Node}: it was written for another node, and this read does not come from one.");
            return transfer.ResolveNested(remote, ResultCodec<T>.Instance) is ObjectEntry<T> typed
                ? typed
                : throw new MessagePackSerializationException($"Cannot read ObjectRef<{typeof(T).Name}> {remote.Id}: this node holds it as another type.");
        }

        var id = ReadObjectId(ref reader);
        return FindEntry(id, options) switch
        {
            ObjectEntry<T> typed => typed,
            var other => throw NotReadable(id, typeof(T), other, options),
        };
    }

    /// <summary>Writes a ref's id and tells the store it was shared; needs no type argument, so any ref type can use it.</summary>
    internal static void WriteRef(ref MessagePackWriter writer, ObjectRef value, MessagePackSerializerOptions options)
    {
        RuntimeTypeFormatters.WriteId(ref writer, value.Id.Owner, value.Id.Sequence);
        var scope = NestedRefScope.Current;
        scope?.OnWritten(value);
        if (scope?.Store is { } store)
        {
            store.Share(value);
        }
        else if (!value.IsShared && value.Lease is null)
        {
            RaySerializerOptions.RuntimeOf(options)?.Backend.ShareObject(value);
        }
    }

    internal static ObjectId ReadObjectId(ref MessagePackReader reader)
    {
        var (owner, sequence) = RuntimeTypeFormatters.ReadId(ref reader);
        return new ObjectId(owner, sequence);
    }

    /// <summary>The live entry of <paramref name="id"/>: in the store spilling or restoring on this thread, else in the runtime that reads.</summary>
    internal static ObjectRef? FindEntry(ObjectId id, MessagePackSerializerOptions options) =>
        NestedRefScope.Current?.Store is { } store ? store.Find(id) : RaySerializerOptions.RuntimeOf(options)?.Backend.FindObject(id);

    internal static MessagePackSerializationException NotReadable(ObjectId id, System.Type expected, ObjectRef? found, MessagePackSerializerOptions options) =>
        new(found is null
            ? $"Cannot read ObjectRef<{expected.Name}> {id}: no live object with that id is in "
              + (RaySerializerOptions.RuntimeOf(options) is null
                  ? "any runtime (none is current; call Ray.Init or MakeCurrent first)."
                  : "the current runtime. It was released once no ref to it was reachable, or it belongs to another runtime; keep a ref alive while copies of it are serialized.")
            : $"Cannot read ObjectRef<{expected.Name}> {id}: that object holds a {found.ValueType.Name}, not a {expected.Name}.");
}
