using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// One actor's entry in the actor directory (see <see cref="IActorDirectoryGrain"/>). Kept in memory while its silo runs:
/// a silo that dies takes the entries it held, and a caller that then finds no entry fails its calls as before.
/// </summary>
[KeepAlive]
internal sealed class ActorDirectoryGrain : Grain, IActorDirectoryGrain
{
    private ActorLocation? _location;

    public Task Record(ActorLocation location)
    {
        if (_location is null
            || location.Incarnation > _location.Incarnation
            || (location.Incarnation == _location.Incarnation && location.Dead))
        {
            if (_location is not { Dead: true })
            {
                _location = location;
            }
        }

        return Task.CompletedTask;
    }

    public Task<ActorLocation?> Lookup() => Task.FromResult(_location);
}
