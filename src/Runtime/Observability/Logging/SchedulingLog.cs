using System;
using Microsoft.Extensions.Logging;

namespace RaySharp.Observability.Logging;

/// <summary>What <see cref="RayLogCategories.Scheduling"/> logs. Only failures, retries and refusals: never a task that runs and returns.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 1000, EventName = "TaskFailed", Level = LogLevel.Debug,
        Message = "Task {TaskName} ({TaskId}) failed after {Attempts} attempt(s): {ErrorType}: {ErrorMessage}")]
    public static partial void TaskFailed(this ILogger logger, string taskName, TaskId taskId, int attempts, string errorType, string errorMessage);

    [LoggerMessage(EventId = 1001, EventName = "TaskCancelled", Level = LogLevel.Debug, Message = "Task {TaskName} ({TaskId}) was cancelled")]
    public static partial void TaskCancelled(this ILogger logger, string taskName, TaskId taskId);

    [LoggerMessage(EventId = 1002, EventName = "TaskRetrying", Level = LogLevel.Information,
        Message = "Task {TaskName} ({TaskId}) threw {ErrorType} on attempt {Attempt}; it runs again (MaxRetries {MaxRetries})")]
    public static partial void TaskRetrying(this ILogger logger, string taskName, TaskId taskId, int attempt, string errorType, int maxRetries);

    [LoggerMessage(EventId = 1003, EventName = "TaskUnschedulable", Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void TaskUnschedulable(this ILogger logger, string message);

    /// <summary>Logs a task's end with an error: cancelled, or failed with the original exception's type and message.</summary>
    public static void TaskEnded(this ILogger logger, string taskName, TaskId taskId, int attempts, Exception error)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        if (error is TaskCancelledException)
        {
            logger.TaskCancelled(taskName, taskId);
            return;
        }

        var original = error is RayTaskException { InnerException: { } inner } ? inner : error;
        logger.TaskFailed(taskName, taskId, attempts, original.GetType().FullName ?? original.GetType().Name, original.Message);
    }
}
