namespace RaySharp.Conformance.Support;

/// <summary>test_basic_3.py::test_actor_killing's <c>Actor</c>, which holds one CPU.</summary>
[RayRemote(NumCpus = 1)]
public sealed partial class CpuHoldingActor
{
    /// <summary>Ray's <c>foo</c>, which returns <c>None</c>.</summary>
    public string? Foo() => null;
}

/// <summary>test_basic_3.py::test_actor_scheduling's <c>A</c>.</summary>
[RayRemote]
public sealed partial class ExitingActor
{
    public void RunFail() => Ray.ExitActor();

    public int Get() => 1;
}
