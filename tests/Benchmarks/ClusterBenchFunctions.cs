namespace RaySharp.Benchmarks;

/// <summary>The remote functions of the cluster benchmarks.</summary>
public static partial class ClusterBenchFunctions
{
    [RayRemote]
    public static int LengthOf(byte[] data) => data.Length;
}
