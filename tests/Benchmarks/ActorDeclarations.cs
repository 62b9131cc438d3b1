using System.Threading.Tasks;

namespace RaySharp.Benchmarks;

/// <summary>
/// The actor of ray_perf.py's actor benchmarks: a trivial method. The source generator writes
/// <c>EchoActor.Remote.New()</c> and <c>EchoActor.Handle.SmallValue(x)</c>, which returns an <c>ObjectRef&lt;int&gt;</c>.
/// It echoes its argument so that the benchmarks can check the results arrived in order.
/// </summary>
[RayRemote]
public sealed partial class EchoActor
{
    /// <summary>ray_perf.py's <c>small_value</c>, with an argument to check.</summary>
    public int SmallValue(int x) => x;
}

/// <summary>
/// ray_perf.py's async actor (<c>async def small_value</c>, which never awaits): a method returning a task makes the
/// actor async, so calls interleave up to <c>MaxConcurrency</c> (default 1000).
/// </summary>
[RayRemote]
public sealed partial class AsyncEchoActor
{
    /// <summary>Completes at once, as ray_perf.py's coroutine does.</summary>
    public Task<int> SmallValueAsync(int x) => Echo.SmallValueAsync(x);
}

/// <summary>The method bodies, shared by our actors and the baselines so all run the same code.</summary>
internal static class Echo
{
    public static Task<int> SmallValueAsync(int x) => Task.FromResult(x);
}
