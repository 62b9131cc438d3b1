using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using MessagePack;
using MessagePack.Formatters;

namespace RaySharp.Serialization;

/// <summary>
/// MessagePack's built-in formatters for framework types, looked up in a fixed table: the table of MessagePack's
/// <c>BuiltinResolver</c> without its reflection fallback (<c>MakeGenericType</c> for <see cref="Type"/>s) and without
/// <see cref="Type"/>, <c>object[]</c> and <c>List&lt;object&gt;</c>. Nothing here needs dynamic code, so it stays NativeAOT-clean.
/// </summary>
internal sealed class BuiltinFormatterResolver : IFormatterResolver
{
    public static readonly BuiltinFormatterResolver Instance = new();

    private static readonly Dictionary<Type, object> s_formatters = new()
    {
        [typeof(short)] = Int16Formatter.Instance,
        [typeof(int)] = Int32Formatter.Instance,
        [typeof(long)] = Int64Formatter.Instance,
        [typeof(ushort)] = UInt16Formatter.Instance,
        [typeof(uint)] = UInt32Formatter.Instance,
        [typeof(ulong)] = UInt64Formatter.Instance,
        [typeof(float)] = SingleFormatter.Instance,
        [typeof(double)] = DoubleFormatter.Instance,
        [typeof(bool)] = BooleanFormatter.Instance,
        [typeof(byte)] = ByteFormatter.Instance,
        [typeof(sbyte)] = SByteFormatter.Instance,
        [typeof(DateTime)] = DateTimeFormatter.Instance,
        [typeof(DateOnly)] = DateOnlyFormatter.Instance,
        [typeof(TimeOnly)] = TimeOnlyFormatter.Instance,
        [typeof(char)] = CharFormatter.Instance,
        [typeof(Half)] = HalfFormatter.Instance,
        [typeof(short?)] = NullableInt16Formatter.Instance,
        [typeof(int?)] = NullableInt32Formatter.Instance,
        [typeof(long?)] = NullableInt64Formatter.Instance,
        [typeof(ushort?)] = NullableUInt16Formatter.Instance,
        [typeof(uint?)] = NullableUInt32Formatter.Instance,
        [typeof(ulong?)] = NullableUInt64Formatter.Instance,
        [typeof(float?)] = NullableSingleFormatter.Instance,
        [typeof(double?)] = NullableDoubleFormatter.Instance,
        [typeof(bool?)] = NullableBooleanFormatter.Instance,
        [typeof(byte?)] = NullableByteFormatter.Instance,
        [typeof(sbyte?)] = NullableSByteFormatter.Instance,
        [typeof(DateTime?)] = NullableDateTimeFormatter.Instance,
        [typeof(char?)] = NullableCharFormatter.Instance,
        [typeof(string)] = NullableStringFormatter.Instance,
        [typeof(decimal)] = DecimalFormatter.Instance,
        [typeof(decimal?)] = new StaticNullableFormatter<decimal>(DecimalFormatter.Instance),
        [typeof(TimeSpan)] = TimeSpanFormatter.Instance,
        [typeof(TimeSpan?)] = new StaticNullableFormatter<TimeSpan>(TimeSpanFormatter.Instance),
        [typeof(DateTimeOffset)] = DateTimeOffsetFormatter.Instance,
        [typeof(DateTimeOffset?)] = new StaticNullableFormatter<DateTimeOffset>(DateTimeOffsetFormatter.Instance),
        [typeof(Guid)] = GuidFormatter.Instance,
        [typeof(Guid?)] = new StaticNullableFormatter<Guid>(GuidFormatter.Instance),
        [typeof(Uri)] = UriFormatter.Instance,
        [typeof(Version)] = VersionFormatter.Instance,
        [typeof(StringBuilder)] = StringBuilderFormatter.Instance,
        [typeof(BitArray)] = BitArrayFormatter.Instance,
        [typeof(byte[])] = ByteArrayFormatter.Instance,
        [typeof(Nil)] = NilFormatter.Instance,
        [typeof(Nil?)] = NullableNilFormatter.Instance,
        [typeof(short[])] = Int16ArrayFormatter.Instance,
        [typeof(int[])] = Int32ArrayFormatter.Instance,
        [typeof(long[])] = Int64ArrayFormatter.Instance,
        [typeof(ushort[])] = UInt16ArrayFormatter.Instance,
        [typeof(uint[])] = UInt32ArrayFormatter.Instance,
        [typeof(ulong[])] = UInt64ArrayFormatter.Instance,
        [typeof(float[])] = SingleArrayFormatter.Instance,
        [typeof(double[])] = DoubleArrayFormatter.Instance,
        [typeof(bool[])] = BooleanArrayFormatter.Instance,
        [typeof(sbyte[])] = SByteArrayFormatter.Instance,
        [typeof(DateTime[])] = DateTimeArrayFormatter.Instance,
        [typeof(char[])] = CharArrayFormatter.Instance,
        [typeof(string[])] = NullableStringArrayFormatter.Instance,
        [typeof(List<short>)] = new ListFormatter<short>(),
        [typeof(List<int>)] = new ListFormatter<int>(),
        [typeof(List<long>)] = new ListFormatter<long>(),
        [typeof(List<ushort>)] = new ListFormatter<ushort>(),
        [typeof(List<uint>)] = new ListFormatter<uint>(),
        [typeof(List<ulong>)] = new ListFormatter<ulong>(),
        [typeof(List<float>)] = new ListFormatter<float>(),
        [typeof(List<double>)] = new ListFormatter<double>(),
        [typeof(List<bool>)] = new ListFormatter<bool>(),
        [typeof(List<byte>)] = new ListFormatter<byte>(),
        [typeof(List<sbyte>)] = new ListFormatter<sbyte>(),
        [typeof(List<DateTime>)] = new ListFormatter<DateTime>(),
        [typeof(List<char>)] = new ListFormatter<char>(),
        [typeof(List<string>)] = new ListFormatter<string>(),
        [typeof(Memory<byte>)] = ByteMemoryFormatter.Instance,
        [typeof(Memory<byte>?)] = new StaticNullableFormatter<Memory<byte>>(ByteMemoryFormatter.Instance),
        [typeof(ReadOnlyMemory<byte>)] = ByteReadOnlyMemoryFormatter.Instance,
        [typeof(ReadOnlyMemory<byte>?)] = new StaticNullableFormatter<ReadOnlyMemory<byte>>(ByteReadOnlyMemoryFormatter.Instance),
        [typeof(ReadOnlySequence<byte>)] = ByteReadOnlySequenceFormatter.Instance,
        [typeof(ReadOnlySequence<byte>?)] = new StaticNullableFormatter<ReadOnlySequence<byte>>(ByteReadOnlySequenceFormatter.Instance),
        [typeof(ArraySegment<byte>)] = ByteArraySegmentFormatter.Instance,
        [typeof(ArraySegment<byte>?)] = new StaticNullableFormatter<ArraySegment<byte>>(ByteArraySegmentFormatter.Instance),
        [typeof(BigInteger)] = BigIntegerFormatter.Instance,
        [typeof(BigInteger?)] = new StaticNullableFormatter<BigInteger>(BigIntegerFormatter.Instance),
        [typeof(Complex)] = ComplexFormatter.Instance,
        [typeof(Complex?)] = new StaticNullableFormatter<Complex>(ComplexFormatter.Instance),
    };

    private BuiltinFormatterResolver()
    {
    }

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter =
            s_formatters.TryGetValue(typeof(T), out var formatter) ? (IMessagePackFormatter<T>)formatter : null;
    }
}

/// <summary>
/// Options built without <see cref="MessagePackSerializerOptions.Standard"/>, whose <c>StandardResolver</c> pulls
/// MessagePack's dynamic (Reflection.Emit) resolvers into every NativeAOT build. The base constructor is protected.
/// They carry the runtime that serializes, so refs and actor handles read back in that runtime.
/// </summary>
internal sealed class RaySerializerOptions : MessagePackSerializerOptions
{
    public RaySerializerOptions(IFormatterResolver resolver, RayRuntime? runtime, bool hasOwnResolvers)
        : base(resolver)
    {
        Runtime = runtime;
        HasOwnResolvers = hasOwnResolvers;
    }

    private RaySerializerOptions(RaySerializerOptions copyFrom)
        : base(copyFrom)
    {
        Runtime = copyFrom.Runtime;
        HasOwnResolvers = copyFrom.HasOwnResolvers;
    }

    /// <summary>True when the runtime has resolvers of its own: its snapshots must be read with these options.</summary>
    public bool HasOwnResolvers { get; }

    /// <summary>The runtime whose objects and actors refs and handles resolve in; null for the current one.</summary>
    public RayRuntime? Runtime { get; }

    /// <summary>The runtime that <paramref name="options"/> serialize for, else the current one.</summary>
    public static RayRuntime? RuntimeOf(MessagePackSerializerOptions options) =>
        (options as RaySerializerOptions)?.Runtime ?? RayRuntime.CurrentOrNull;

    /// <summary>The With* methods clone; a derived type must override this or they throw.</summary>
    protected override MessagePackSerializerOptions Clone() => new RaySerializerOptions(this);
}
