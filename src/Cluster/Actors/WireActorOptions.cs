using System.Collections.Generic;
using System.Linq;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary><see cref="ActorOptions"/> as data for the node that creates the actor.</summary>
[GenerateSerializer, Immutable]
internal sealed class WireActorOptions
{
    [Id(0)]
    public string? Name { get; init; }

    [Id(1)]
    public string? Namespace { get; init; }

    [Id(2)]
    public bool Detached { get; init; }

    [Id(3)]
    public double? NumCpus { get; init; }

    [Id(4)]
    public double? NumGpus { get; init; }

    [Id(5)]
    public long? Memory { get; init; }

    [Id(6)]
    public Dictionary<string, double>? Resources { get; init; }

    [Id(7)]
    public int? MaxConcurrency { get; init; }

    [Id(8)]
    public Dictionary<string, int>? ConcurrencyGroups { get; init; }

    [Id(9)]
    public int? MaxRestarts { get; init; }

    [Id(10)]
    public int? MaxTaskRetries { get; init; }

    /// <summary>
    /// The options of an actor this node places elsewhere. The namespace is resolved here (the creator's runtime
    /// namespace), and <see cref="ActorOptions.GetIfExists"/> is left out: the creator already resolved it with the
    /// name directory.
    /// </summary>
    public static WireActorOptions From(ActorOptions options, string? @namespace) => new()
    {
        Name = options.Name,
        Namespace = options.Name is null ? null : @namespace,
        Detached = options.Lifetime == ActorLifetime.Detached,
        NumCpus = options.NumCpus,
        NumGpus = options.NumGpus,
        Memory = options.Memory,
        Resources = options.Resources?.ToDictionary(),
        MaxConcurrency = options.MaxConcurrency,
        ConcurrencyGroups = options.ConcurrencyGroups?.ToDictionary(),
        MaxRestarts = options.MaxRestarts,
        MaxTaskRetries = options.MaxTaskRetries,
    };

    public ActorOptions ToOptions() => new()
    {
        Name = Name,
        Namespace = Namespace is { Length: 0 } ? null : Namespace,
        Lifetime = Detached ? ActorLifetime.Detached : null,
        NumCpus = NumCpus,
        NumGpus = NumGpus,
        Memory = Memory,
        Resources = Resources,
        MaxConcurrency = MaxConcurrency,
        ConcurrencyGroups = ConcurrencyGroups,
        MaxRestarts = MaxRestarts,
        MaxTaskRetries = MaxTaskRetries,
    };
}
