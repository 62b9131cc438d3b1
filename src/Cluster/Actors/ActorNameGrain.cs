using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// The holder of one actor name (see <see cref="IActorNameGrain"/>). Kept alive while its silo runs, as the name lives in
/// memory only: a silo that dies takes the names it held with it (there is no persistence yet).
/// </summary>
[KeepAlive]
internal sealed class ActorNameGrain : Grain, IActorNameGrain
{
    private ActorRecord? _holder;

    public Task<ActorRecord> Register(ActorRecord record)
    {
        _holder ??= record;
        return Task.FromResult(_holder);
    }

    public Task Move(ActorRecord record)
    {
        if (_holder is null || (_holder.ActorOwner == record.ActorOwner && _holder.ActorSequence == record.ActorSequence))
        {
            _holder = record;
        }

        return Task.CompletedTask;
    }

    public Task<ActorRecord?> Lookup() => Task.FromResult(_holder);

    public Task Unregister(ulong actorOwner, ulong actorSequence)
    {
        if (_holder is { } holder && holder.ActorOwner == actorOwner && holder.ActorSequence == actorSequence)
        {
            _holder = null;
        }

        return Task.CompletedTask;
    }
}
