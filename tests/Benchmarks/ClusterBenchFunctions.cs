using System.Threading.Tasks;
using Orleans;
using Orleans.Placement;

namespace RaySharp.Benchmarks;

/// <summary>The remote functions of the cluster benchmarks.</summary>
public static partial class ClusterBenchFunctions
{
    [RayRemote]
    public static int Square(int x) => x * x;

    [RayRemote]
    public static int LengthOf(byte[] data) => data.Length;
}

/// <summary>The raw Orleans baseline: the same work as one grain call.</summary>
public interface IEchoGrain : IGrainWithIntegerKey
{
    Task<int> Square(int x);
}

/// <summary>Answers on the silo it was activated on (the caller's, as Orleans prefers local placement for a first call from a silo).</summary>
[PreferLocalPlacement]
public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Square(int x) => Task.FromResult(x * x);
}
