using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// Follows actors that move: the creator of a restartable actor records where it lives (<see cref="Record"/>), and a
/// node whose handles name a node that died asks where the actor went (<see cref="FollowAsync"/>), so its calls reach
/// the actor's new node instead of failing.
/// </summary>
internal sealed class ActorDirectory(IGrainFactory grains, Func<string, bool> hasLeft)
{
    /// <summary>How long a node waits for the creator to restart an actor whose node died before its calls fail.</summary>
    public static readonly TimeSpan FollowGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an actor without an entry is looked up again before its calls fail: an entry held by a silo that died
    /// is gone until the creator writes it again, at the restart.
    /// </summary>
    private static readonly TimeSpan MissingEntryGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LookupInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan RecordRetry = TimeSpan.FromSeconds(1);

    /// <summary>The actors this node is following now, so a later membership change does not follow them twice.</summary>
    private readonly ConcurrentDictionary<ActorId, bool> _following = new();

    /// <summary>The grain key of an actor's entry.</summary>
    public static string Key(ActorId id) => id.Owner.ToString(CultureInfo.InvariantCulture) + "." + id.Sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Records where actor <paramref name="id"/> lives; does not wait (tried three times, a second apart, as a silo may just have died).</summary>
    public void Record(ActorId id, ActorLocation location) => _ = Task.Run(async () =>
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Grain(id).Record(location).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is not OutOfMemoryException && attempt < 3)
            {
                await Task.Delay(RecordRetry).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return; // the actor's followers time out and fail their calls, as without a directory
            }
        }
    });

    /// <summary>
    /// Starts following <paramref name="actor"/>, whose node <paramref name="deadNode"/> died: until its creator records
    /// a later incarnation on a live node (then <paramref name="moved"/>), or it is gone for good, or
    /// <see cref="FollowGrace"/> passed (then <paramref name="lost"/>, with the reason). False when it is followed already.
    /// </summary>
    public bool Follow(RemoteActor actor, string deadNode, Action<ActorLocation> moved, Action<string> lost)
    {
        if (!_following.TryAdd(actor.Id, true))
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var outcome = await FollowAsync(actor.Id, deadNode).ConfigureAwait(false);
                if (outcome.Location is { } location)
                {
                    moved(location);
                }
                else
                {
                    lost(outcome.Reason);
                }
            }
            finally
            {
                _following.TryRemove(actor.Id, out _);
            }
        });
        return true;
    }

    /// <summary>Whether <paramref name="id"/> is being followed now.</summary>
    public bool IsFollowing(ActorId id) => _following.ContainsKey(id);

    private async Task<(ActorLocation? Location, string Reason)> FollowAsync(ActorId id, string deadNode)
    {
        var deadline = DateTime.UtcNow + FollowGrace;
        var missingDeadline = DateTime.UtcNow + MissingEntryGrace;
        while (true)
        {
            ActorLocation? location;
            try
            {
                location = await Grain(id).Lookup().ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The directory's silo may be the one that died: ask again.
                if (DateTime.UtcNow > deadline)
                {
                    return (null, $"its node {deadNode} left the cluster, and the actor directory did not answer: {error.Message}");
                }

                await Task.Delay(LookupInterval).ConfigureAwait(false);
                continue;
            }

            switch (location)
            {
                case null when DateTime.UtcNow > missingDeadline:
                    return (null, $"its node {deadNode} left the cluster, and no node restarts it (it is not restartable, or it was not created on another node)");
                case null:
                    break; // not restartable, or its entry died with the directory's silo and the restart writes it again
                case { Dead: true }:
                    return (null, $"its node {deadNode} left the cluster, and its creator {location.Creator} did not restart it (no restart left, or no node for it)");
                case var moved when moved.NodeId != deadNode && !hasLeft(moved.NodeId):
                    return (moved, string.Empty);
                case var waiting when hasLeft(waiting.Creator):
                    return (null, $"its node {deadNode} left the cluster, and so did its creator {waiting.Creator}, the only node that restarts it");
            }

            if (DateTime.UtcNow > deadline)
            {
                return (null, $"its node {deadNode} left the cluster, and it was not restarted elsewhere within {FollowGrace.TotalSeconds:0} s");
            }

            await Task.Delay(LookupInterval).ConfigureAwait(false);
        }
    }

    private IActorDirectoryGrain Grain(ActorId id) => grains.GetGrain<IActorDirectoryGrain>(Key(id));
}
