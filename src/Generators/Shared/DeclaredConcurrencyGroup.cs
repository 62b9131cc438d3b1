using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>One <c>[RayConcurrencyGroup(name, limit)]</c> on an actor class, as written.</summary>
internal readonly struct DeclaredConcurrencyGroup
{
    public DeclaredConcurrencyGroup(string? name, int limit, AttributeData attribute)
    {
        Name = name;
        Limit = limit;
        Attribute = attribute;
    }

    /// <summary>The name; null when the argument is null or not a constant string.</summary>
    public string? Name { get; }

    public int Limit { get; }

    /// <summary>The attribute, whose syntax a diagnostic points at.</summary>
    public AttributeData Attribute { get; }
}
