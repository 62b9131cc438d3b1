using System;
using System.ComponentModel;

namespace RaySharp.CompilerServices;

/// <summary>
/// The arguments of one remote call, as plain data. Its top-level <see cref="ObjectRef"/> arguments are the
/// task's dependencies: the scheduler holds the task, without a thread, until all of them are ready.
/// Refs nested inside containers are not dependencies and stay refs, as in Ray. For generated code and the low-level API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TaskArgs
{
    /// <summary>The number of top-level ref arguments.</summary>
    public virtual int DependencyCount => 0;

    /// <summary>The <paramref name="index"/>-th top-level ref argument, counting refs only.</summary>
    public virtual ObjectRef GetDependency(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Arguments of a function that takes none.</summary>
    public static TaskArgs None { get; } = new NoArgs();

    private sealed class NoArgs : TaskArgs;
}
