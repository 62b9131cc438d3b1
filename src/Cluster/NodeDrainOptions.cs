using System;

namespace RaySharp.Cluster;

/// <summary>
/// How a node drains when its silo stops cleanly (<c>raysharp stop</c>, a host's <c>StopAsync</c>, or
/// <see cref="RayNode.DrainAsync"/>), as Ray's <c>ray drain-node</c>: configure it on the silo's services,
/// <c>siloBuilder.Services.Configure&lt;NodeDrainOptions&gt;(drain =&gt; drain.Timeout = TimeSpan.FromMinutes(2))</c>.
/// </summary>
public sealed class NodeDrainOptions
{
    /// <summary>The default <see cref="Timeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a stopping node waits for the tasks and actor calls other nodes sent it to finish and their results to
    /// leave; what is still there then is given back to its senders, which retry it elsewhere as after a node's death
    /// (spending a retry). Zero gives everything back at once. A host's own stop timeout (Orleans' silo shutdown, the
    /// generic host's <c>ShutdownTimeout</c>) still bounds the whole stop.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
