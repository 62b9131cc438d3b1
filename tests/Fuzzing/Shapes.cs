using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RaySharp.Fuzzing;

// Types whose generated formatters the serializer target reads; each appears in a [RayRemote] signature below, which
// is what makes the generator write a formatter for it.
public enum Kind
{
    Small,
    Large,
}

public readonly record struct Point(double X, double Y);

public sealed record Item(string Name, int Count, Point At, Kind Kind);

public sealed record Envelope(
    long Id,
    string? Label,
    IReadOnlyList<Item> Items,
    Dictionary<string, int[]> Tags,
    ImmutableArray<Guid> Keys,
    byte[] Blob,
    DateTimeOffset When,
    decimal Amount);

public static partial class Declarations
{
    [RayRemote]
    public static int Consume(Envelope envelope, Item item, Point point, List<string> words, ObjectRef<int> nested) => 0;
}
