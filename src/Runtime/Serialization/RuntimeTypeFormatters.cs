using System;
using MessagePack;
using MessagePack.Formatters;

namespace RaySharp.Serialization;

/// <summary>Formatters for the runtime's own plain-data types: <see cref="Unit"/>, the ids and <see cref="ObjectRef{T}"/>.</summary>
internal sealed class RuntimeTypeFormatters : IFormatterResolver
{
    public static readonly RuntimeTypeFormatters Instance = new();

    public IMessagePackFormatter<T>? GetFormatter<T>()
    {
        object? formatter =
            typeof(T) == typeof(Unit) ? new UnitFormatter()
            : typeof(T) == typeof(ActorId) ? new IdFormatter<ActorId>(id => (id.Owner, id.Sequence), (o, s) => new ActorId(o, s))
            : typeof(T) == typeof(ObjectId) ? new IdFormatter<ObjectId>(id => (id.Owner, id.Sequence), (o, s) => new ObjectId(o, s))
            : typeof(T) == typeof(TaskId) ? new IdFormatter<TaskId>(id => (id.Owner, id.Sequence), (o, s) => new TaskId(o, s))
            : ObjectRefFormatters.Find<T>();
        return (IMessagePackFormatter<T>?)formatter;
    }

    public static void WriteId(ref MessagePackWriter writer, ulong owner, ulong sequence)
    {
        writer.WriteArrayHeader(2);
        writer.Write(owner);
        writer.Write(sequence);
    }

    public static (ulong Owner, ulong Sequence) ReadId(ref MessagePackReader reader)
    {
        if (reader.ReadArrayHeader() != 2)
        {
            throw new MessagePackSerializationException("An id is written as [owner, sequence].");
        }

        return (reader.ReadUInt64(), reader.ReadUInt64());
    }

    private sealed class UnitFormatter : IMessagePackFormatter<Unit>
    {
        public void Serialize(ref MessagePackWriter writer, Unit value, MessagePackSerializerOptions options) => writer.WriteNil();

        public Unit Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            reader.Skip();
            return Unit.Value;
        }
    }

    private sealed class IdFormatter<TId>(Func<TId, (ulong, ulong)> split, Func<ulong, ulong, TId> join) : IMessagePackFormatter<TId>
    {
        public void Serialize(ref MessagePackWriter writer, TId value, MessagePackSerializerOptions options)
        {
            var (owner, sequence) = split(value);
            WriteId(ref writer, owner, sequence);
        }

        public TId Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var (owner, sequence) = ReadId(ref reader);
            return join(owner, sequence);
        }
    }
}
