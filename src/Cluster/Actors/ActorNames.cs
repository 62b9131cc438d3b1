using System;
using System.Globalization;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace RaySharp.Cluster.Actors;

/// <summary>The cluster-wide actor names: one <see cref="IActorNameGrain"/> per (namespace, name), reached with a bounded wait.</summary>
internal sealed class ActorNames(IGrainFactory grains)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The grain key of a name: the namespace's length first, so no two (namespace, name) pairs share a key.</summary>
    public static string Key(string @namespace, string name) =>
        @namespace.Length.ToString(CultureInfo.InvariantCulture) + ":" + @namespace + "/" + name;

    public ActorRecord Register(string @namespace, string name, ActorRecord record) =>
        Wait(() => Grain(@namespace, name).Register(record), @namespace, name);

    /// <summary>The name follows its actor to another node; does not wait (see <see cref="IActorNameGrain.Move"/>).</summary>
    public Task Move(string @namespace, string name, ActorRecord record) => Grain(@namespace, name).Move(record);

    public ActorRecord? Lookup(string @namespace, string name) =>
        Wait(() => Grain(@namespace, name).Lookup(), @namespace, name);

    /// <summary>Frees a dead actor's name; does not wait (nobody waits for it, and a lost message leaves a stale name that a later lookup reports as a dead actor).</summary>
    public void Unregister(string @namespace, string name, ActorId id) =>
        _ = Grain(@namespace, name).Unregister(id.Owner, id.Sequence);

    private IActorNameGrain Grain(string @namespace, string name) => grains.GetGrain<IActorNameGrain>(Key(@namespace, name));

    /// <summary>Runs a directory call off the caller's context (it may be an Orleans turn) and waits for it, bounded.</summary>
    private static T Wait<T>(Func<Task<T>> call, string @namespace, string name)
    {
        try
        {
            return Task.Run(call).WaitAsync(Timeout).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is TimeoutException or OrleansException)
        {
            throw new InvalidOperationException(
                $"The cluster's actor name directory did not answer for the name '{name}' in namespace '{@namespace}' within {Timeout.TotalSeconds:0} s: {error.Message}", error);
        }
    }
}
