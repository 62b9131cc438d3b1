using Xunit;

namespace RaySharp.Tests.Support;

/// <summary>Tests that check elapsed time or completion order run alone, after the parallel ones, so load from other tests cannot skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
