using System;

namespace RaySharp;

/// <summary>
/// A remote task threw. <see cref="Exception.InnerException"/> is the original exception, untouched;
/// <see cref="RemoteStackTrace"/> is where it was thrown, kept as text so it survives crossing a process.
/// </summary>
/// <remarks>Tasks that depend on a failed object fail with this same exception without running.</remarks>
public sealed class RayTaskException : Exception
{
    /// <summary>Wraps <paramref name="inner"/>, thrown by the task <paramref name="taskName"/>.</summary>
    public RayTaskException(string taskName, TaskId taskId, Exception inner)
        : base($"Task '{taskName}' ({taskId}) failed with {inner.GetType().FullName}: {inner.Message}", inner)
    {
        TaskName = taskName;
        TaskId = taskId;
        RemoteStackTrace = inner.StackTrace ?? string.Empty;
    }

    /// <summary>The name of the remote function that threw.</summary>
    public string TaskName { get; }

    /// <summary>The id of the task that threw.</summary>
    public TaskId TaskId { get; }

    /// <summary>The stack trace of the original exception, where the task ran.</summary>
    public string RemoteStackTrace { get; }
}
