using System;

namespace RaySharp.Conformance.Support;

/// <summary>
/// Ray's <c>ray_start_regular</c> / <c>shutdown_only</c> fixtures: a private runtime made current for one test.
/// Test classes run in parallel, so no test uses the process-wide <c>Ray.Init</c>.
/// </summary>
internal sealed class TestRuntime : IDisposable
{
    private readonly IDisposable _scope;

    private TestRuntime(RayRuntime runtime)
    {
        Runtime = runtime;
        _scope = runtime.MakeCurrent();
    }

    public RayRuntime Runtime { get; }

    /// <summary>Starts a runtime with these resources; each test passes what its Ray fixture gives (<c>ray_start_regular</c>: one CPU).</summary>
    public static TestRuntime Start(double cpus = 4, double gpus = 0, params (string Name, double Amount)[] resources)
    {
        var custom = new System.Collections.Generic.Dictionary<string, double>();
        foreach (var (name, amount) in resources)
        {
            custom[name] = amount;
        }

        return new(new RayRuntime(new RayOptions { NumCpus = cpus, NumGpus = gpus, Resources = custom, EnableTaskEvents = true }));
    }

    /// <summary>Starts a runtime with exactly <paramref name="options"/>.</summary>
    public static TestRuntime Start(RayOptions options) => new(new RayRuntime(options));

    public void Dispose()
    {
        _scope.Dispose();
        Runtime.Dispose();
    }
}
