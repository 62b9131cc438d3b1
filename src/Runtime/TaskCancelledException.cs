using System;

namespace RaySharp;

/// <summary>The task behind an object was cancelled with <c>Ray.Cancel</c> before it produced a value.</summary>
public sealed class TaskCancelledException : OperationCanceledException
{
    /// <summary>Creates the exception for the cancelled task <paramref name="taskName"/>.</summary>
    public TaskCancelledException(string taskName, TaskId taskId)
        : base($"Task '{taskName}' ({taskId}) was cancelled by Ray.Cancel; its result will never be produced.")
    {
        TaskName = taskName;
        TaskId = taskId;
    }

    /// <summary>The name of the cancelled remote function.</summary>
    public string TaskName { get; }

    /// <summary>The id of the cancelled task.</summary>
    public TaskId TaskId { get; }
}
