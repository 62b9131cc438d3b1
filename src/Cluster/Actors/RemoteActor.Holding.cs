using RaySharp.Actors;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// Handle counting across nodes, as the calling node sees it: this node counts the handles bound to this endpoint and
/// tells the actor's node when it starts holding one (<see cref="ActorMessageKind.AddHolder"/>) and when its last one is
/// collected (<see cref="ActorMessageKind.ReleaseHolder"/>, sent after every call this node submitted has left, in the
/// same outbox, so the actor runs them before it can end). The host keeps the actor while any node holds it
/// (<see cref="ActorHolders"/>).
/// </summary>
internal sealed partial class RemoteActor
{
    private int _handles;
    /// <summary>Whether the host counts this node as a holder now (the creating node from the start).</summary>
    private bool _holding;
    /// <summary>The last handle was collected; the release waits for the calls still queued here.</summary>
    private bool _releaseDue;

    /// <summary>A handle bound to this endpoint came alive: the first one makes this node a holder.</summary>
    public void HandleCreated()
    {
        lock (_sync)
        {
            if (++_handles != 1)
            {
                return;
            }

            _releaseDue = false;
            if (!_holding && _death is null)
            {
                _holding = true;
                _actors.Send(this, Holder(ActorMessageKind.AddHolder), null);
            }
        }
    }

    /// <summary>A handle was collected (the finalizer thread): after the last, this node stops holding the actor.</summary>
    public void HandleCollected()
    {
        lock (_sync)
        {
            if (--_handles == 0)
            {
                _releaseDue = true;
                ReleaseIfDueLocked();
            }
        }
    }

    /// <summary>Sends the release once no handle is left, the creation has left and no call waits here.</summary>
    private void ReleaseIfDueLocked()
    {
        if (!_releaseDue || !_holding || !_created || _waiting.Count != 0 || _death is not null)
        {
            return;
        }

        _releaseDue = false;
        _holding = false;
        _actors.Send(this, Holder(ActorMessageKind.ReleaseHolder), null);
    }

    private WireActorMessage Holder(ActorMessageKind kind) => new(kind, 0, Id.Owner, Id.Sequence, null, null, null, null);
}
