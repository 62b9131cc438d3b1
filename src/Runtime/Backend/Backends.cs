namespace RaySharp.Backend;

/// <summary>Picks the backend a runtime runs on, so nothing above the seam names an implementation.</summary>
internal static class Backends
{
    /// <summary>The in-process backend, sized by the runtime's options.</summary>
    public static IRayBackend Create(RayRuntime runtime) => new LocalBackend(runtime, runtime.Options.Capacity());
}
