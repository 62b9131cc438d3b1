using System;
using System.ComponentModel;
using System.Diagnostics;
using RaySharp.Scheduling;

namespace RaySharp.CompilerServices;

/// <summary>
/// One remote call as plain data: which function (by stable id), the arguments as values or refs, and the
/// per-call options. A stub builds it; the runtime schedules it. For generated code and the low-level API.
/// </summary>
/// <remarks>A value, not an object: the task that runs it carries its three fields, so a call allocates no spec.</remarks>
[DebuggerDisplay("{Function.Name,nq}")]
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TaskSpec
{
    /// <summary>Describes a call of <paramref name="function"/>.</summary>
    /// <param name="function">The function to run.</param>
    /// <param name="args">The arguments; use <see cref="TaskArgs.None"/> for none.</param>
    /// <param name="options">Per-call options over the function's defaults, or null.</param>
    public TaskSpec(RemoteFunction function, TaskArgs args, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        Function = function;
        Args = args;
        Options = options;
    }

    /// <summary>The function to run.</summary>
    public RemoteFunction Function { get; }

    /// <summary>The arguments.</summary>
    public TaskArgs Args { get; }

    /// <summary>Per-call options, or null to use the function's defaults.</summary>
    public TaskOptions? Options { get; }

    /// <summary>True for <c>default(TaskSpec)</c>, which names no function.</summary>
    internal bool IsEmpty => Function is null;

    internal ResolvedOptions ResolveOptions() => (Options ?? Function.DefaultOptions).Resolve(Function.DefaultOptions);
}
