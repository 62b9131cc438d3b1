using System;
using System.Buffers;
using System.ComponentModel;
using System.Threading;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace RaySharp.Serialization;

/// <summary>
/// MessagePack serialization of task arguments, results and stored objects, used to copy values, spill them and
/// send them to another process. Formatters come from the resolvers that generated code registers at module
/// initialization (one per assembly with <c>[RayRemote]</c> declarations), then MessagePack's built-in,
/// reflection-free formatters. No dynamic code generation is used, so it stays NativeAOT-clean.
/// </summary>
public static class RaySerializer
{
    private static readonly Lock s_lock = new();
    private static IFormatterResolver[] s_registered = [];
    private static MessagePackSerializerOptions s_options = CreateOptions([]);

    /// <summary>The options every RaySharp serialization uses: registered resolvers first, untrusted-data security.</summary>
    public static MessagePackSerializerOptions Options => Volatile.Read(ref s_options);

    /// <summary>Adds a resolver; generated code calls it once per assembly at module initialization.</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public static void Register(IFormatterResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        lock (s_lock)
        {
            if (Array.IndexOf(s_registered, resolver) >= 0)
            {
                return;
            }

            s_registered = [.. s_registered, resolver];
            Volatile.Write(ref s_options, CreateOptions(s_registered));
        }
    }

    /// <summary>True when a formatter for <typeparamref name="T"/> is known.</summary>
    public static bool CanSerialize<T>() => Options.Resolver.GetFormatter<T>() is not null;

    /// <summary>Serializes <paramref name="value"/> into <paramref name="writer"/>.</summary>
    /// <exception cref="NotSupportedException">No formatter is known for <typeparamref name="T"/>.</exception>
    public static void Serialize<T>(IBufferWriter<byte> writer, T value)
    {
        var options = Options;
        var messagePackWriter = new MessagePackWriter(writer);
        FormatterOf<T>(options).Serialize(ref messagePackWriter, value, options);
        messagePackWriter.Flush();
    }

    /// <summary>Serializes <paramref name="value"/> to a new array.</summary>
    public static byte[] Serialize<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}(T)"/>.</summary>
    /// <exception cref="MessagePackSerializationException">The bytes are not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlyMemory<byte> bytes)
    {
        var options = Options;
        var formatter = FormatterOf<T>(options);
        var reader = new MessagePackReader(bytes);
        try
        {
            return formatter.Deserialize(ref reader, options);
        }
        catch (Exception error) when (error is not MessagePackSerializationException)
        {
            throw new MessagePackSerializationException($"Could not read a {typeof(T).FullName} from {bytes.Length} bytes: {error.Message}", error);
        }
    }

    private static IMessagePackFormatter<T> FormatterOf<T>(MessagePackSerializerOptions options) =>
        options.Resolver.GetFormatter<T>() ?? throw new NotSupportedException(
            $"RaySharp has no MessagePack formatter for {typeof(T).FullName}. Use the type in a [RayRemote] signature so the "
            + "generator writes one, give it [MessagePackObject], or register a resolver with RaySerializer.Register.");

    private static MessagePackSerializerOptions CreateOptions(IFormatterResolver[] registered) =>
        new RaySerializerOptions(CompositeResolver.Create([.. registered, RuntimeTypeFormatters.Instance, BuiltinFormatterResolver.Instance]))
            .WithSecurity(MessagePackSecurity.UntrustedData);
}
