using System.Diagnostics;

namespace RaySharp.Observability;

/// <summary>A traced task's spans: the submitting span's context (the run's parent) and the run's span while it runs.</summary>
internal sealed class TaskTrace(ActivityContext parent)
{
    public ActivityContext Parent { get; } = parent;

    public Activity? Span { get; set; }
}
