using System;

namespace RaySharp.EndToEnd.Tests;

/// <summary>A private runtime made current for one test; tests run in parallel, so none uses <c>Ray.Init</c>.</summary>
internal sealed class TestRuntime : IDisposable
{
    private readonly IDisposable _scope;

    private TestRuntime(RayRuntime runtime)
    {
        Runtime = runtime;
        _scope = runtime.MakeCurrent();
    }

    public RayRuntime Runtime { get; }

    public static TestRuntime Start(double cpus = 4) => new(new RayRuntime(new RayOptions { NumCpus = cpus }));

    public void Dispose()
    {
        _scope.Dispose();
        Runtime.Dispose();
    }
}
