using Xunit;

namespace RaySharp.Tests.Support;

/// <summary>The chaos soaks run alone: they load both cores for seconds, which would skew tests that run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
