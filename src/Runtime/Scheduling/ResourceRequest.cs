using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RaySharp.Scheduling;

/// <summary>
/// An amount of resources in fixed-point scheduler units (1/10,000 of a resource, as Ray does), so fractional
/// requests add up exactly. CPU is kept apart from custom resources: it is the hot path.
/// </summary>
internal sealed class ResourceRequest : IEquatable<ResourceRequest>
{
    public const string Cpu = "CPU";
    public const string Gpu = "GPU";
    /// <summary>Ray's <c>memory</c> resource, in bytes.</summary>
    public const string Memory = "memory";
    public const long UnitsPerResource = 10_000;

    /// <summary>How far (in units) an amount may sit below a whole unit and still count as it: floating-point noise.</summary>
    private const double PrecisionTolerance = 1e-6;

    private ResourceRequest(long cpuUnits, KeyValuePair<string, long>[] custom)
    {
        CpuUnits = cpuUnits;
        Custom = custom;
    }

    public long CpuUnits { get; }

    /// <summary>Custom resources (GPU included), sorted by name, zero amounts dropped.</summary>
    public KeyValuePair<string, long>[] Custom { get; }

    public bool IsCpuOnly => Custom.Length == 0;

    /// <summary>Validates and converts amounts; <paramref name="what"/> names the source in error messages.</summary>
    /// <exception cref="ArgumentException">An amount is negative, not finite, above zero but below 1/10,000, or CPU is given as a custom resource.</exception>
    public static ResourceRequest Create(double cpus, IReadOnlyDictionary<string, double>? custom, string what)
    {
        var cpuUnits = ToUnits(Cpu, cpus, what);
        var list = new List<KeyValuePair<string, long>>();
        foreach (var (name, amount) in custom ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"A {what} names a resource with an empty name.");
            }

            if (name == Cpu)
            {
                throw new ArgumentException($"A {what} lists 'CPU' as a custom resource; use NumCpus instead.");
            }

            var units = ToUnits(name, amount, what);
            if (units > 0)
            {
                list.Add(new(name, units));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new ResourceRequest(cpuUnits, [.. list]);
    }

    /// <summary>The units of <paramref name="name"/> in this request (CPU included).</summary>
    public long UnitsOf(string name)
    {
        if (name == Cpu)
        {
            return CpuUnits;
        }

        foreach (var (key, units) in Custom)
        {
            if (key == name)
            {
                return units;
            }
        }

        return 0;
    }

    /// <summary>True when every amount here is at most the same amount in <paramref name="other"/>.</summary>
    public bool FitsWithin(ResourceRequest other)
    {
        if (CpuUnits > other.CpuUnits)
        {
            return false;
        }

        foreach (var (name, units) in Custom)
        {
            if (units > other.UnitsOf(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The request as resource name → amount.</summary>
    public Dictionary<string, double> ToDictionary()
    {
        var result = new Dictionary<string, double> { [Cpu] = ToAmount(CpuUnits) };
        foreach (var (name, units) in Custom)
        {
            result[name] = ToAmount(units);
        }

        return result;
    }

    /// <summary>The request as a task sees it in <see cref="RuntimeContext.AssignedResources"/>: zero amounts (CPU too) left out, as in Ray.</summary>
    public Dictionary<string, double> ToAssignedDictionary()
    {
        var result = new Dictionary<string, double>();
        if (CpuUnits > 0)
        {
            result[Cpu] = ToAmount(CpuUnits);
        }

        foreach (var (name, units) in Custom)
        {
            result[name] = ToAmount(units);
        }

        return result;
    }

    public static double ToAmount(long units) => (double)units / UnitsPerResource;

    /// <inheritdoc />
    public bool Equals(ResourceRequest? other) =>
        other is not null && other.CpuUnits == CpuUnits && other.Custom.AsSpan().SequenceEqual(Custom);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResourceRequest);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(CpuUnits);
        foreach (var c in Custom)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>For example <c>{CPU: 8, GPU: 1}</c>.</summary>
    public override string ToString() =>
        "{" + string.Join(", ", ToDictionary().Select(kv => kv.Key + ": " + kv.Value.ToString("0.####", CultureInfo.InvariantCulture))) + "}";

    private static long ToUnits(string name, double amount, string what)
    {
        if (!double.IsFinite(amount) || amount < 0)
        {
            throw new ArgumentException($"A {what} asks for {amount.ToString(CultureInfo.InvariantCulture)} of '{name}'; amounts must be finite and zero or more.");
        }

        // As Ray's FixedPoint: whole units, finer digits cut off (a hair of tolerance absorbs 0.29 × 10,000 = 2899.99…).
        var units = (long)Math.Floor((amount * UnitsPerResource) + PrecisionTolerance);
        if (units == 0 && amount > 0)
        {
            throw new ArgumentException(
                $"A {what} asks for {amount.ToString(CultureInfo.InvariantCulture)} of '{name}'; the precision of the fractional "
                + "quantity of a resource cannot go beyond 0.0001 (as in Ray). Ask for 0 or at least 0.0001.");
        }

        return units;
    }
}
