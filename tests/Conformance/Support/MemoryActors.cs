namespace RaySharp.Conformance.Support;

/// <summary>test_memory_scheduling.py's <c>Actor</c>, which reserves 100 MiB (<c>memory=100 * MB</c>).</summary>
[RayRemote]
public sealed partial class MemoryActor
{
    public const long MB = 1024 * 1024;

    public string Ping() => "ok";
}
