using System.Buffers;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.CompilerServices;
using RaySharp.Serialization;

namespace RaySharp.Tests.Store;

/// <summary>A stored value that holds refs, with a hand-written formatter as the generator would write one.</summary>
internal sealed class RefBag(ObjectRef<byte[]>[] refs, byte[] payload)
{
    static RefBag() => RaySerializer.Register(Resolver.Instance);

    public ObjectRef<byte[]>[] Refs { get; } = refs;

    public byte[] Payload { get; } = payload;

    /// <summary>Makes sure the resolver is registered before a test serializes a bag.</summary>
    public static void EnsureRegistered() => RaySerializer.Register(Resolver.Instance);

    private sealed class Resolver : IFormatterResolver
    {
        public static readonly Resolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() => typeof(T) == typeof(RefBag) ? (IMessagePackFormatter<T>)(object)new Formatter() : null;
    }

    private sealed class Formatter : IMessagePackFormatter<RefBag>
    {
        public void Serialize(ref MessagePackWriter writer, RefBag value, MessagePackSerializerOptions options)
        {
            var refFormatter = options.Resolver.GetFormatterWithVerify<ObjectRef<byte[]>>();
            writer.WriteArrayHeader(2);
            writer.WriteArrayHeader(value.Refs.Length);
            foreach (var reference in value.Refs)
            {
                refFormatter.Serialize(ref writer, reference, options);
            }

            writer.Write(value.Payload);
        }

        public RefBag Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var refFormatter = options.Resolver.GetFormatterWithVerify<ObjectRef<byte[]>>();
            reader.ReadArrayHeader();
            var refs = new ObjectRef<byte[]>[reader.ReadArrayHeader()];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = refFormatter.Deserialize(ref reader, options);
            }

            return new RefBag(refs, reader.ReadBytes()!.Value.ToArray());
        }
    }
}
