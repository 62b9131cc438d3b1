using System.IO;

namespace RaySharp;

public static partial class Ray
{
    /// <summary>
    /// Writes the current runtime's task timeline to <paramref name="filename"/> in the Chrome trace event format
    /// (Ray's <c>ray.timeline(filename)</c>): open it in Perfetto (ui.perfetto.dev) or chrome://tracing. See
    /// <see cref="RayRuntime.WriteTimeline(Stream)"/>.
    /// </summary>
    /// <exception cref="System.ArgumentException"><paramref name="filename"/> is empty.</exception>
    /// <exception cref="System.InvalidOperationException">No runtime is running.</exception>
    public static void Timeline(string filename)
    {
        System.ArgumentException.ThrowIfNullOrWhiteSpace(filename);
        using var file = File.Create(filename);
        RayRuntime.Current.WriteTimeline(file);
    }
}
