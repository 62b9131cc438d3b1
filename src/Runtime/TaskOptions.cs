using System.Collections.Generic;
using System.Threading;
using RaySharp.Scheduling;

namespace RaySharp;

/// <summary>
/// Options for a remote call, as Ray's <c>.options()</c>. Every property left null keeps the value from the
/// declaration (<c>[RayRemote]</c>), and then Ray's default.
/// </summary>
public sealed class TaskOptions
{
    private ResolvedOptions? _resolved;

    /// <summary>Options that change nothing.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>CPUs the task holds while it runs; fractions allowed. Default 1.</summary>
    public double? NumCpus { get; init; }

    /// <summary>GPUs the task holds while it runs; fractions allowed. Default 0.</summary>
    public double? NumGpus { get; init; }

    /// <summary>
    /// Bytes of memory the task holds while it runs (Ray's <c>memory</c> resource): a scheduling reservation against
    /// <see cref="RayOptions.Memory"/>, not a limit on what the task allocates. Default 0. A task that asks for more
    /// than the runtime has fails with <see cref="TaskUnschedulableException"/>.
    /// </summary>
    public long? Memory { get; init; }

    /// <summary>Custom resources the task holds while it runs (name → amount, fractions allowed).</summary>
    public IReadOnlyDictionary<string, double>? Resources { get; init; }

    /// <summary>How many times a failed task is retried; -1 retries forever. Default 3, as in Ray.</summary>
    /// <remarks>System failures are always retried up to this count; application exceptions only when <see cref="RetryExceptions"/> matches.</remarks>
    public int? MaxRetries { get; init; }

    /// <summary>Which application exceptions are retried. Default: none.</summary>
    public RetryExceptions? RetryExceptions { get; init; }

    /// <summary>A name for the task in errors and the runtime context; default: the function's name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Actor calls only: the concurrency group the call runs in (Ray's <c>concurrency_group</c>), one the actor class
    /// declares with <see cref="RayConcurrencyGroupAttribute"/> or <see cref="ActorOptions.ConcurrencyGroups"/>.
    /// Default: the method's <c>[RayRemote(ConcurrencyGroup = …)]</c>, else the actor's default group. A group the actor
    /// does not declare fails the call with <see cref="System.ArgumentException"/> when it is submitted, and so does a
    /// group on a plain task.
    /// </summary>
    public string? ConcurrencyGroup { get; init; }

    /// <summary>These options over <paramref name="defaults"/>, validated and with resources in scheduler units; cached.</summary>
    internal ResolvedOptions Resolve(TaskOptions defaults)
    {
        var cached = Volatile.Read(ref _resolved);
        if (cached is not null && ReferenceEquals(cached.Defaults, defaults))
        {
            return cached;
        }

        var resolved = ResolvedOptions.Create(this, defaults);
        Volatile.Write(ref _resolved, resolved);
        return resolved;
    }
}
