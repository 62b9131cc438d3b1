using MessagePack;
using MessagePack.Formatters;

namespace RaySharp.Wire;

/// <summary>Writes and reads one value with the formatter its type has in the given options (generated or built in).</summary>
internal static class WireValue
{
    public static void Write<T>(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
        options.Resolver.GetFormatterWithVerify<T>().Serialize(ref writer, value, options);

    public static T Read<T>(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        options.Resolver.GetFormatterWithVerify<T>().Deserialize(ref reader, options);
}
