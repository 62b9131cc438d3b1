using System.Diagnostics;

namespace RaySharp.Observability;

/// <summary>The runtime's <see cref="ActivitySource"/>: a span per submission and per run, linked submitter → task → nested tasks.</summary>
internal static class Tracing
{
    public static readonly ActivitySource Source = new(RayTelemetry.ActivitySourceName, typeof(Tracing).Assembly.GetName().Version?.ToString());

    /// <summary>A short span on the submitting thread, child of whatever span is current there; returns its context for the run's span.</summary>
    public static ActivityContext Submitted(string name, TaskId id, string nodeId)
    {
        using var span = Source.StartActivity("submit " + name, ActivityKind.Producer);
        if (span is null)
        {
            return default;
        }

        Tag(span, name, id, nodeId);
        return span.Context;
    }

    /// <summary>Starts the span of a run (made current on this thread); the caller restores <paramref name="outer"/> afterwards.</summary>
    public static Activity? Started(string name, TaskId id, string nodeId, ActivityContext parent, out Activity? outer)
    {
        outer = Activity.Current;
        var span = Source.StartActivity("run " + name, ActivityKind.Consumer, parent);
        if (span is not null)
        {
            Tag(span, name, id, nodeId);
        }

        return span;
    }

    /// <summary>Ends a run's span with the task's outcome, leaving the thread's current span as it was.</summary>
    public static void Ended(Activity span, System.Exception? error)
    {
        if (error is not null)
        {
            var original = error is RayTaskException { InnerException: { } inner } ? inner : error;
            span.SetStatus(ActivityStatusCode.Error, original.Message);
            span.SetTag("exception.type", original.GetType().FullName);
            span.SetTag("exception.message", original.Message);
        }

        var current = Activity.Current;
        span.Stop();
        Activity.Current = current == span ? span.Parent : current;
    }

    private static void Tag(Activity span, string name, TaskId id, string nodeId)
    {
        span.SetTag("raysharp.task.name", name);
        span.SetTag("raysharp.task.id", id.ToString());
        span.SetTag("raysharp.node.id", nodeId);
    }
}
