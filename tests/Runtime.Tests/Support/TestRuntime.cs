using System;

namespace RaySharp.Tests.Support;

/// <summary>A runtime of a test's own, made current for the test's code and everything it awaits.</summary>
internal sealed class TestRuntime : IDisposable
{
    private readonly IDisposable _scope;

    private TestRuntime(RayOptions options)
    {
        Runtime = new RayRuntime(options);
        _scope = Runtime.MakeCurrent();
    }

    public RayRuntime Runtime { get; }

    public static TestRuntime Start(double numCpus = 2, RayOptions? options = null) =>
        new(options ?? new RayOptions { NumCpus = numCpus, EnableTaskEvents = true });

    public void Dispose()
    {
        _scope.Dispose();
        Runtime.Dispose();
    }
}
