namespace RaySharp.Hosting;

/// <summary>How <see cref="RaySharpServiceCollectionExtensions.AddRaySharp"/> starts the runtime.</summary>
public sealed class RaySharpHostOptions
{
    /// <summary>The runtime's options (resources, store, namespace, task events). Default: <c>new RayOptions()</c>.</summary>
    public RayOptions Ray { get; set; } = new();

    /// <summary>
    /// True (the default) starts the runtime with <see cref="RaySharp.Ray.Init"/>, so <c>Ray.*</c> and the generated
    /// <c>.Remote</c> stubs reach it from anywhere in the app; false makes a runtime of its own, reached through the
    /// injected <see cref="RayRuntime"/> (with <see cref="RayRuntime.MakeCurrent"/> for the stubs).
    /// </summary>
    public bool InitializeAmbient { get; set; } = true;
}
