using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Benchmarks;

/// <summary>What the paired benchmark modes report of their samples.</summary>
internal static class Statistics
{
    /// <summary>The middle value (the upper one of the two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
