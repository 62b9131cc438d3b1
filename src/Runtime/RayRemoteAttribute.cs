using System;

namespace RaySharp;

/// <summary>
/// Marks a static method as a remote task, or a class as an actor (Ray's <c>@ray.remote</c>). The type that declares
/// it must be <c>partial</c>: the RaySharp source generator adds a <c>Remote</c> member to it.
/// </summary>
/// <remarks>
/// <para>On a static method <c>M</c> of type <c>T</c>: <c>T.Remote.M(args)</c> submits a task and returns
/// <c>ObjectRef&lt;TResult&gt;</c> at once; <c>T.Remote.WithOptions(new TaskOptions { … }).M(args)</c> overrides these
/// options for one call; <c>T.M(args)</c> still runs the method directly.</para>
/// <para>On a class <c>C</c>: <c>C.Remote.New(ctorArgs)</c> starts an actor and returns a <c>C.Handle</c> whose methods
/// mirror <c>C</c>'s public instance methods. On a method of an actor class it only carries per-method options.</para>
/// <para>Every property is optional. One left unset keeps the runtime's default, and per-call options override the
/// ones set here property by property. Numeric properties use a sentinel for "unset" (<see cref="double.NaN"/> for
/// amounts, <see cref="Unset"/> for counts), so that 0 and -1 can be set explicitly.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RayRemoteAttribute : Attribute
{
    /// <summary>The value of an integer property that was not set.</summary>
    public const int Unset = int.MinValue;

    /// <summary>
    /// CPUs a task holds while it runs, or an actor for its whole life; fractions allowed. Unset (<see cref="double.NaN"/>)
    /// keeps the default: 1 for a task, 0 for an actor.
    /// </summary>
    public double NumCpus { get; set; } = double.NaN;

    /// <summary>GPUs a task holds while it runs, or an actor for its whole life; fractions allowed. Unset (<see cref="double.NaN"/>) means 0.</summary>
    public double NumGpus { get; set; } = double.NaN;

    /// <summary>
    /// Custom resources as <c>"name=amount"</c> pairs, such as <c>Resources = ["GPU_MEM=0.5", "disk=1"]</c>
    /// (attribute arguments cannot be dictionaries). Amounts are non-negative numbers in invariant culture. Null when unset.
    /// </summary>
    public string[]? Resources { get; set; }

    /// <summary>How many times a failed task is retried; -1 retries forever. <see cref="Unset"/> keeps the default (3).</summary>
    public int MaxRetries { get; set; } = Unset;

    /// <summary>True to retry every application exception (up to <see cref="MaxRetries"/>); by default none is retried.</summary>
    public bool RetryExceptions { get; set; }

    /// <summary>Retry only exceptions of these types or types derived from them; takes precedence over <see cref="RetryExceptions"/>. Null when unset.</summary>
    public Type[]? RetryExceptionTypes { get; set; }

    /// <summary>How many refs a task returns: with n &gt; 1 and a tuple return, the stub returns a tuple of n refs. <see cref="Unset"/> means 1.</summary>
    public int NumReturns { get; set; } = Unset;

    /// <summary>A name for the task in errors and the runtime context, or for an actor to be found by <c>Ray.GetActor</c>. Null when unset.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Actors only: the namespace of <see cref="Name"/> (Ray's <c>namespace</c>); names are unique per namespace. Null
    /// (unset) keeps the runtime's <see cref="RayOptions.Namespace"/>.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// Actors only: with a <see cref="Name"/>, <c>Remote.New</c> returns the running actor of that name instead of
    /// failing (Ray's <c>get_if_exists</c>), so every caller shares one actor. False (unset) fails on a taken name.
    /// </summary>
    public bool GetIfExists { get; set; }

    /// <summary>
    /// Actors only: how long the actor lives (Ray's <c>lifetime</c>). <see cref="ActorLifetime.NonDetached"/> (unset) is
    /// the default; a <see cref="ActorLifetime.Detached"/> actor is not ended when its handles are collected.
    /// </summary>
    public ActorLifetime Lifetime { get; set; }

    /// <summary>
    /// Actors only: how many calls may run at once. <see cref="Unset"/> keeps the default (1: one at a time, in order).
    /// With <see cref="RayConcurrencyGroupAttribute"/> groups, the limit of the default group: methods in no group.
    /// </summary>
    public int MaxConcurrency { get; set; } = Unset;

    /// <summary>
    /// Actor methods only: the concurrency group the method's calls run in, one its class declares with
    /// <see cref="RayConcurrencyGroupAttribute"/> (Ray's <c>@ray.method(concurrency_group=…)</c>). Null (unset) puts the
    /// method in the actor's default group, limited by <see cref="MaxConcurrency"/>. A call can pick another group with
    /// <c>handle.WithOptions(new TaskOptions { ConcurrencyGroup = … })</c>.
    /// </summary>
    public string? ConcurrencyGroup { get; set; }

    /// <summary>Actors only: how often the actor is restarted after it dies; -1 forever. <see cref="Unset"/> keeps the default (0).</summary>
    public int MaxRestarts { get; set; } = Unset;

    /// <summary>Actors only: how often an interrupted call is retried after a restart; -1 forever. <see cref="Unset"/> keeps the default (0).</summary>
    public int MaxTaskRetries { get; set; } = Unset;
}
