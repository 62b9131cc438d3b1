using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace RaySharp.Serialization;

/// <summary>
/// MessagePack serialization of task arguments, results and stored objects, used to copy values, spill them and
/// send them to another process. Formatters come from the runtime's own <see cref="RayOptions.FormatterResolvers"/>,
/// then the resolvers that generated code registers at module initialization (one per assembly with
/// <c>[RayRemote]</c> declarations, process-wide like the generated code itself), then MessagePack's built-in,
/// reflection-free formatters. No dynamic code generation is used, so it stays NativeAOT-clean.
/// </summary>
/// <remarks>
/// Each runtime serializes with its own options: its resolvers, and refs and actor handles read back in that runtime.
/// The static members use the runtime the calling code runs in (a task's, else <see cref="RayRuntime.Current"/>),
/// or the process-wide registrations alone when no runtime runs.
/// </remarks>
public static class RaySerializer
{
    private static readonly Lock s_lock = new();
    private static IFormatterResolver[] s_registered = [];
    private static MessagePackSerializerOptions s_options = CreateOptions([], null);
    private static int s_version;

    /// <summary>
    /// The options the calling code serializes with: the current runtime's resolvers, then the registered ones,
    /// with untrusted-data security.
    /// </summary>
    public static MessagePackSerializerOptions Options =>
        (RuntimeSerializer.Active ?? RayRuntime.CurrentOrNull?.Serializer)?.Options ?? Volatile.Read(ref s_options);

    /// <summary>Changes whenever a resolver is registered, so each runtime rebuilds its options once.</summary>
    internal static int Version => Volatile.Read(ref s_version);

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
            Volatile.Write(ref s_options, CreateOptions([], null));
            Interlocked.Increment(ref s_version);
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
    public static byte[] Serialize<T>(T value) => Serialize(value, Options);

    internal static byte[] Serialize<T>(T value, MessagePackSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var messagePackWriter = new MessagePackWriter(buffer);
        FormatterOf<T>(options).Serialize(ref messagePackWriter, value, options);
        messagePackWriter.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}(T)"/>.</summary>
    /// <exception cref="MessagePackSerializationException">The bytes are not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlyMemory<byte> bytes) => Deserialize<T>(bytes, null);

    /// <summary>Reads with <paramref name="options"/>, or those of the calling code when null.</summary>
    internal static T Deserialize<T>(ReadOnlyMemory<byte> bytes, MessagePackSerializerOptions? options)
    {
        options ??= Options;
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
            + "generator writes one, give it [MessagePackObject], register a resolver with RaySerializer.Register, or give the "
            + "runtime one in RayOptions.FormatterResolvers.");

    /// <summary>Options over <paramref name="own"/> resolvers, then the registered ones, bound to <paramref name="runtime"/>.</summary>
    internal static MessagePackSerializerOptions CreateOptions(IReadOnlyList<IFormatterResolver> own, RayRuntime? runtime) =>
        new RaySerializerOptions(
                CompositeResolver.Create([.. own, .. Volatile.Read(ref s_registered), RuntimeTypeFormatters.Instance, BuiltinFormatterResolver.Instance]),
                runtime,
                hasOwnResolvers: own.Count > 0)
            .WithSecurity(MessagePackSecurity.UntrustedData);
}
