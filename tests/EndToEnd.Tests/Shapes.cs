using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;

namespace RaySharp.EndToEnd.Tests;

// Every shape the generated resolver must serve appears in a [RayRemote] signature below.
public enum Color
{
    Red,
    Green,
    Blue,
}

[Flags]
public enum Access : byte
{
    None = 0,
    Read = 1,
    Write = 2,
}

public readonly record struct Money(decimal Amount, string Currency);

public sealed record Line(string Product, int Quantity, Money Price);

/// <summary>A class read back through its constructor plus a settable property; the computed one is not written.</summary>
public sealed class Order
{
    public Order(int id, IReadOnlyList<Line> lines)
    {
        Id = id;
        Lines = lines;
    }

    public int Id { get; }

    public IReadOnlyList<Line> Lines { get; }

    public string? Note { get; set; }

    public int LineCount => Lines.Count;
}

/// <summary>A class with only a parameterless constructor and settable members, including a field.</summary>
public sealed class Settings
{
    public string Name { get; set; } = "";

    public int Retries { get; init; }

    public Color Color;
}

/// <summary>A mutable struct with public fields.</summary>
public struct Point
{
    public int X;
    public int Y;
}

/// <summary>A recursive type.</summary>
public sealed record Node(int Value, Node? Next);

public sealed record Everything(
    bool Flag,
    byte Byte,
    char Char,
    long Long,
    double Double,
    decimal Decimal,
    string? Text,
    DateTime When,
    DateTimeOffset WhenOffset,
    TimeSpan Span,
    Guid Id,
    Uri Link,
    Version Version,
    BigInteger Big,
    int? MaybeInt,
    Money? MaybeMoney,
    Color Color,
    Access Access,
    int[] Ints,
    Line[] Lines,
    int[,] Grid,
    List<Money> MoneyList,
    Dictionary<string, List<Line>> Groups,
    HashSet<Color> Colors,
    IReadOnlyList<Point> Points,
    IEnumerable<string> Words,
    IReadOnlyDictionary<Color, int> CountByColor,
    KeyValuePair<string, Money> Pair,
    (int, string) ValueTuple,
    (Line First, Money Second) NamedTuple,
    Tuple<int, Color> RefTuple,
    ReadOnlyMemory<byte> Bytes,
    ReadOnlyMemory<Point> PointMemory,
    ImmutableArray<int> ImmutableInts,
    ImmutableList<Line> ImmutableLines,
    ImmutableHashSet<string> ImmutableSet,
    ImmutableDictionary<string, Money> ImmutableMap,
    Settings Settings,
    Node Chain);

public static partial class Shapes
{
    [RayRemote]
    public static Everything EchoEverything(Everything value) => value;

    [RayRemote]
    public static Order EchoOrder(Order order) => order;

    [RayRemote]
    public static Dictionary<string, List<Line>> EchoGroups(Dictionary<string, List<Line>> groups) => groups;

    [RayRemote]
    public static (Money, Point)? EchoOptionalPair((Money, Point)? pair) => pair;
}
