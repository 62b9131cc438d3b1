namespace RaySharp;

/// <summary>
/// The names to subscribe to: every runtime reports its metrics on a <see cref="System.Diagnostics.Metrics.Meter"/> and
/// its spans on an <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="MeterName"/> / <see cref="ActivitySourceName"/>
/// (with OpenTelemetry: <c>AddMeter(RayTelemetry.MeterName)</c>, <c>AddSource(RayTelemetry.ActivitySourceName)</c>).
/// </summary>
public static class RayTelemetry
{
    /// <summary>The name of every runtime's meter: <c>raysharp.tasks.*</c>, <c>raysharp.store.*</c>, <c>raysharp.actors.*</c>.</summary>
    public const string MeterName = "RaySharp";

    /// <summary>The name of the activity source: a <c>submit {task}</c> span where a task is submitted, a <c>run {task}</c> span where it runs.</summary>
    public const string ActivitySourceName = "RaySharp";

    /// <summary>The tag every measurement carries: the node (runtime) it comes from, <see cref="NodeInfo.NodeId"/>.</summary>
    public const string NodeIdTag = "raysharp.node.id";
}
