using System;
using System.Collections.Generic;
using System.IO;
using MessagePack;
using RaySharp.Objects.Store;
using RaySharp.Serialization;

namespace RaySharp.Fuzzing;

/// <summary>
/// The entry points that read bytes from outside the process: the serializer (generated and built-in formatters, a
/// value per first byte) and spill files read back. Each input must end in a value or in the one documented exception
/// of its target (<see cref="IsExpected"/>); anything else is a finding.
/// </summary>
public static class Targets
{
    /// <summary>The targets, named as the corpus folders are.</summary>
    public static readonly IReadOnlyList<string> Names = ["serializer", "spill"];

    /// <summary>Runs one input through <paramref name="target"/>.</summary>
    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        switch (target)
        {
            case "serializer":
                Serializer(input);
                break;
            case "spill":
                Spill(input);
                break;
            default:
                throw new ArgumentException($"Unknown target '{target}'; the targets are: {string.Join(", ", Names)}.", nameof(target));
        }
    }

    /// <summary>
    /// The documented outcomes of a bad input: <see cref="MessagePackSerializationException"/> from the serializer
    /// (RaySerializer wraps every formatter failure in it), and <see cref="InvalidDataException"/> from a spill file
    /// whose length or checksum does not match.
    /// </summary>
    public static bool IsExpected(string target, Exception error) => error switch
    {
        MessagePackSerializationException => true,
        InvalidDataException => target == "spill",
        _ => false,
    };

    /// <summary>The first byte picks the type; the rest is its MessagePack form.</summary>
    private static void Serializer(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var bytes = input[1..].ToArray();
        _ = (input[0] % 8) switch
        {
            0 => (object?)RaySerializer.Deserialize<Envelope>(bytes),
            1 => RaySerializer.Deserialize<Item>(bytes),
            2 => RaySerializer.Deserialize<Point>(bytes),
            3 => RaySerializer.Deserialize<List<string>>(bytes),
            4 => RaySerializer.Deserialize<Dictionary<string, int[]>>(bytes),
            5 => RaySerializer.Deserialize<ObjectRef<int>>(bytes),
            6 => RaySerializer.Deserialize<string>(bytes),
            _ => RaySerializer.Deserialize<long[]>(bytes),
        };
    }

    /// <summary>A spill file of an <see cref="Envelope"/>: the trailer is checked, then the payload is read.</summary>
    private static void Spill(ReadOnlySpan<byte> input)
    {
        var payload = SpillFileFormat.Payload(input.ToArray(), "fuzz-input.msgpack");
        _ = RaySerializer.Deserialize<Envelope>(payload);
    }

    /// <summary>Valid inputs for each target, the seed corpus.</summary>
    public static IEnumerable<(string Target, string Name, byte[] Bytes)> Seeds()
    {
        var envelope = new Envelope(
            42,
            "label",
            [new Item("a", 1, new Point(1.5, -2), Kind.Small), new Item("", int.MaxValue, default, Kind.Large)],
            new Dictionary<string, int[]> { ["x"] = [1, 2, 3], ["empty"] = [] },
            [Guid.Empty, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e")],
            [0, 1, 2, 255],
            new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1)),
            12.345m);
        yield return ("serializer", "envelope", [0, .. RaySerializer.Serialize(envelope)]);
        yield return ("serializer", "envelope-null-label", [0, .. RaySerializer.Serialize(envelope with { Label = null, Items = [] })]);
        yield return ("serializer", "item", [1, .. RaySerializer.Serialize(envelope.Items[0])]);
        yield return ("serializer", "point", [2, .. RaySerializer.Serialize(new Point(double.NaN, double.Epsilon))]);
        yield return ("serializer", "words", [3, .. RaySerializer.Serialize(new List<string> { "one", "two", "ü" })]);
        yield return ("serializer", "tags", [4, .. RaySerializer.Serialize(envelope.Tags)]);
        yield return ("serializer", "nested-ref", [5, .. RaySerializer.Serialize(Ray.Put(7))]);
        yield return ("serializer", "string", [6, .. RaySerializer.Serialize("hello")]);
        yield return ("serializer", "longs", [7, .. RaySerializer.Serialize(new long[] { long.MinValue, 0, long.MaxValue })]);
        var payload = RaySerializer.Serialize(envelope);
        var file = new byte[payload.Length + SpillFileFormat.TrailerBytes];
        payload.CopyTo(file, 0);
        SpillFileFormat.WriteTrailer(file.AsSpan(payload.Length), payload.Length, SpillFileFormat.Crc32C(0, payload));
        yield return ("spill", "envelope", file);
    }
}
