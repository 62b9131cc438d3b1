using System;

namespace RaySharp;

/// <summary>
/// A task asks for more resources than the runtime has in total, so it could never run.
/// Ray waits forever in this case; RaySharp fails the task at once.
/// </summary>
public sealed class TaskUnschedulableException : InvalidOperationException
{
    /// <summary>Creates the exception with the request and the capacity in its message.</summary>
    public TaskUnschedulableException(string taskName, string requested, string capacity)
        : base($"Task '{taskName}' asks for {requested}, but the runtime has only {capacity} in total, so it can never run. "
            + "Lower the task's NumCpus/Resources, or start the runtime with more (RayOptions.NumCpus, RayOptions.Resources).")
    {
        TaskName = taskName;
    }

    /// <summary>The name of the remote function that cannot be scheduled.</summary>
    public string TaskName { get; }
}
