using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A remote function no code touches: only the module initializer the generator writes can register it, as a node
/// that receives a spec relies on.
/// </summary>
public static partial class RegistrationProbe
{
    /// <summary>The signature the generator hashes into the function id.</summary>
    public const string Signature = "RaySharp.Cluster.Tests.RegistrationProbe.Untouched()->System.Int32";

    [RayRemote]
    public static int Untouched() => 7;
}
