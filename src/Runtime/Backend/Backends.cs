using System;
using System.Runtime.CompilerServices;

namespace RaySharp.Backend;

/// <summary>Picks the backend a runtime runs on, so nothing above the seam names an implementation.</summary>
internal static class Backends
{
    /// <summary>The environment variable <see cref="Ray.Init"/> reads the cluster's address from, as Ray does.</summary>
    public const string AddressVariable = "RAY_ADDRESS";

    private const string ConnectorType = "RaySharp.Cluster.DriverConnector, RaySharp.Cluster";

    /// <summary>Joins a cluster as a driver: set by the RaySharp.Cluster package when it loads.</summary>
    public static Func<RayRuntime, string, IRayBackend>? Connector { get; set; }

    /// <summary>The in-process backend, sized by the runtime's options.</summary>
    public static IRayBackend Create(RayRuntime runtime) =>
        string.IsNullOrWhiteSpace(runtime.Options.Address) ? new LocalBackend(runtime, runtime.Options.Capacity()) : Join(runtime, runtime.Options.Address);

    /// <summary>
    /// A driver's backend on the cluster at <paramref name="address"/>, from the RaySharp.Cluster package: its
    /// connector type is found by name (the core package cannot reference the cluster package), and its static constructor
    /// registers <see cref="Connector"/>. The name is a constant, so NativeAOT publishing of an app without the package
    /// reports no warning (<c>tests/Packaging/check-aot.sh</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The package is not part of the program, or no cluster answers at the address.</exception>
    public static IRayBackend Join(RayRuntime runtime, string address)
    {
        if (Connector is null && Type.GetType(ConnectorType, throwOnError: false) is { } connector)
        {
            RuntimeHelpers.RunClassConstructor(connector.TypeHandle);
        }

        return (Connector ?? throw new InvalidOperationException(
                $"RaySharp was asked to join the cluster at '{address}' (RayOptions.Address or {AddressVariable}), which needs the RaySharp.Cluster "
                + "package: add it to the program, or leave the address unset to run in this process alone."))(runtime, address);
    }
}
