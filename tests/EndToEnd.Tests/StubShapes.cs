using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RaySharp.EndToEnd.Tests;

public enum Rounding
{
    Down,
    Nearest,
    Up = 5,
}

// Parameter shapes Ray code uses every day: keyword arguments with defaults, *args, collections and None.
public static partial class StubShapes
{
    [RayRemote]
    public static string Describe(
        int count,
        string label = "items \"quoted\"",
        double scale = -1.5e-7,
        Rounding rounding = Rounding.Up,
        string? note = null,
        char separator = ';',
        decimal price = 2.25m,
        float ratio = 0.1f,
        long big = -3_000_000_000L,
        int? maybe = 4) =>
        string.Join(
            separator,
            count.ToString(CultureInfo.InvariantCulture),
            label,
            scale.ToString("R", CultureInfo.InvariantCulture),
            rounding.ToString(),
            note ?? "<null>",
            price.ToString(CultureInfo.InvariantCulture),
            ratio.ToString("R", CultureInfo.InvariantCulture),
            big.ToString(CultureInfo.InvariantCulture),
            maybe?.ToString(CultureInfo.InvariantCulture) ?? "<null>");

    [RayRemote]
    public static int Sum(params int[] values) => values.Sum();

    [RayRemote]
    public static string Join(string separator, params string[] parts) => string.Join(separator, parts);

    [RayRemote]
    public static int Count(List<int> values, int[] more) => values.Count + more.Length;

    [RayRemote]
    public static string OrNone(string? text) => text ?? "none";

    [RayRemote]
    public static int ValueOr(int? value, int fallback = 7) => value ?? -fallback;
}

/// <summary>A plain base class: its public methods become stubs of the actor that derives from it.</summary>
public class CounterBase
{
    public int Total { get; protected set; }

    public int Add(int amount = 1) => Total += amount;

    public virtual string Kind() => "base";

    public string Hidden() => "base";
}

[RayRemote]
public sealed partial class DerivedCounter : CounterBase
{
    public DerivedCounter(int start = 100, string name = "derived")
    {
        Total = start;
        Name = name;
    }

    public string Name { get; }

    public override string Kind() => "derived";

    public new string Hidden() => "derived";

    public string Greet(string greeting = "hi") => greeting + " " + Name;
}
