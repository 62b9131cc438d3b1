using System;

namespace RaySharp;

/// <summary>
/// Declares a named concurrency group on a <c>[RayRemote]</c> actor class, as Ray's
/// <c>@ray.remote(concurrency_groups={"io": 2})</c>: up to <see cref="MaxConcurrency"/> calls of the group run at
/// once, independently of every other group. Put a method in the group with <c>[RayRemote(ConcurrencyGroup = "io")]</c>;
/// methods outside every group run in the default group, limited by the actor's <c>MaxConcurrency</c>.
/// </summary>
/// <remarks>
/// Groups never wait for each other: a full group, or one whose calls block, holds up only its own calls. A group with
/// limit 1 runs its calls one at a time, in submission order. On a sync actor calls of different groups run at the same
/// time on pool threads, so the state they share must be thread-safe; an async actor still runs one turn at a time
/// and the groups limit how many calls of each are in flight. Declare each name once, with a limit of at least 1
/// (RAY0009).
/// </remarks>
/// <example>
/// <code>
/// [RayRemote]
/// [RayConcurrencyGroup("io", 2)]
/// [RayConcurrencyGroup("compute", 4)]
/// public partial class Worker
/// {
///     [RayRemote(ConcurrencyGroup = "io")]
///     public string Fetch(string url) => …;
///
///     [RayRemote(ConcurrencyGroup = "compute")]
///     public int Crunch(int n) => …;
///
///     public int Status() => …;   // default group
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RayConcurrencyGroupAttribute : Attribute
{
    /// <summary>Declares the group <paramref name="name"/> with room for <paramref name="maxConcurrency"/> calls at once.</summary>
    /// <param name="name">The group's name, unique within the class.</param>
    /// <param name="maxConcurrency">How many of the group's calls may run at once; at least 1.</param>
    public RayConcurrencyGroupAttribute(string name, int maxConcurrency)
    {
        Name = name;
        MaxConcurrency = maxConcurrency;
    }

    /// <summary>The group's name, unique within the class.</summary>
    public string Name { get; }

    /// <summary>How many of the group's calls may run at once.</summary>
    public int MaxConcurrency { get; }
}
