using System.Collections.Generic;

namespace RaySharp;

/// <summary>
/// Options for creating an actor, as Ray's <c>Actor.options()</c>. Properties left null keep the declaration's value,
/// then the default.
/// </summary>
public sealed class ActorOptions
{
    /// <summary>Options that change nothing.</summary>
    public static ActorOptions Default { get; } = new();

    /// <summary>A name to find the actor by with <see cref="Ray.GetActor{THandle}(string, string?)"/>; unique per <see cref="Namespace"/>.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The namespace of <see cref="Name"/> (Ray's <c>namespace</c> actor option): names are unique per namespace, and
    /// <see cref="Ray.GetActor{THandle}(string, string?)"/> looks in one. Null keeps <see cref="RayOptions.Namespace"/>,
    /// the runtime's namespace. Must not be empty.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>With a <see cref="Name"/>: return the running actor of that name instead of failing (Ray's <c>get_if_exists</c>).</summary>
    public bool? GetIfExists { get; init; }

    /// <summary>
    /// How long the actor lives (Ray's <c>lifetime</c>); null means <see cref="ActorLifetime.NonDetached"/>. A
    /// <see cref="ActorLifetime.Detached"/> actor is not ended when its handles are collected, nor when the actor that
    /// created it dies (a non-detached actor created inside an actor dies with it, as in Ray).
    /// </summary>
    public ActorLifetime? Lifetime { get; init; }

    /// <summary>CPUs the actor holds for its whole life; creation waits until they are free. Default 0 (see docs/runtime.md).</summary>
    public double? NumCpus { get; init; }

    /// <summary>GPUs the actor holds for its whole life. Default 0.</summary>
    public double? NumGpus { get; init; }

    /// <summary>
    /// Bytes of memory the actor holds for its whole life (Ray's <c>memory</c> resource): a scheduling reservation
    /// against <see cref="RayOptions.Memory"/>, not a limit. Default 0.
    /// </summary>
    public long? Memory { get; init; }

    /// <summary>Custom resources the actor holds for its whole life.</summary>
    public IReadOnlyDictionary<string, double>? Resources { get; init; }

    /// <summary>
    /// How many calls may run at once. Default 1: calls run one at a time, in submission order (1000 for an async
    /// actor). With <see cref="ConcurrencyGroups"/>, the limit of the default group: calls that name no group.
    /// </summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>
    /// Named concurrency groups (name → how many of its calls may run at once), as Ray's <c>concurrency_groups</c>.
    /// Replaces the groups the class declares with <see cref="RayConcurrencyGroupAttribute"/>. Methods outside every
    /// group run in the default group, limited by <see cref="MaxConcurrency"/>. Names must be non-empty, limits at least 1.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ConcurrencyGroups { get; init; }

    /// <summary>How often the actor is restarted after it dies; -1 forever. Default 0. Accepted now; restarts arrive with the actor issue.</summary>
    public int? MaxRestarts { get; init; }

    /// <summary>How often an interrupted call is retried after a restart; -1 forever. Default 0. Accepted now; see <see cref="MaxRestarts"/>.</summary>
    public int? MaxTaskRetries { get; init; }

    /// <summary>These options over <paramref name="defaults"/>, property by property: what is set here wins.</summary>
    /// <param name="defaults">The declaration's options, or null.</param>
    public ActorOptions Over(ActorOptions? defaults) => defaults is null ? this : new ActorOptions
    {
        Name = Name ?? defaults.Name,
        Namespace = Namespace ?? defaults.Namespace,
        GetIfExists = GetIfExists ?? defaults.GetIfExists,
        Lifetime = Lifetime ?? defaults.Lifetime,
        NumCpus = NumCpus ?? defaults.NumCpus,
        NumGpus = NumGpus ?? defaults.NumGpus,
        Memory = Memory ?? defaults.Memory,
        Resources = Resources ?? defaults.Resources,
        MaxConcurrency = MaxConcurrency ?? defaults.MaxConcurrency,
        ConcurrencyGroups = ConcurrencyGroups ?? defaults.ConcurrencyGroups,
        MaxRestarts = MaxRestarts ?? defaults.MaxRestarts,
        MaxTaskRetries = MaxTaskRetries ?? defaults.MaxTaskRetries,
    };
}
