using System.Globalization;

namespace RaySharp.Generators.Shared;

/// <summary>
/// Reads one entry of <c>[RayRemote(Resources = ["name=amount", …])]</c>: a non-empty name, <c>=</c>, and a finite,
/// non-negative amount in invariant culture (<c>"GPU_MEM=0.5"</c>). Malformed entries are skipped by the generator and
/// reported by the analyzer.
/// </summary>
internal static class ResourceParser
{
    /// <summary>Parses <paramref name="text"/>; false when it is malformed.</summary>
    public static bool TryParse(string text, out string name, out double amount)
    {
        name = string.Empty;
        amount = 0;
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        name = text.Substring(0, equals).Trim();
        var number = text.Substring(equals + 1).Trim();
        return name.Length > 0
            && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out amount)
            && !double.IsNaN(amount) && !double.IsInfinity(amount) && amount >= 0;
    }
}
