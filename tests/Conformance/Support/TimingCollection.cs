using Xunit;

namespace RaySharp.Conformance.Support;

/// <summary>
/// Test classes that read the clock (a wait that must return after its timeout and not much later) run alone, after
/// the parallel ones, so load from other tests cannot skew them; their upper bounds still add <see cref="Bounds.Slack"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
