using System;
using System.Globalization;

namespace RaySharp.Benchmarks;

/// <summary>Reads the options of the benchmark modes that BenchmarkDotNet does not run (<c>--pending-memory 1000</c>).</summary>
internal static class CommandLine
{
    /// <summary>The integer after <paramref name="option"/>, or null when the option or its number is missing.</summary>
    public static int? IntAfter(string[] args, string option)
    {
        var position = Array.IndexOf(args, option);
        return position >= 0 && position + 1 < args.Length && int.TryParse(args[position + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
