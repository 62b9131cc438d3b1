using Xunit;

namespace RaySharp.Packaging.Tests;

/// <summary>
/// Tests that build or run whole programs share this collection, so they run one after another instead of all at once
/// on a small machine (xunit runs different collections in parallel).
/// </summary>
[CollectionDefinition(Name)]
public sealed class WholeProgramCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Whole programs";
}
