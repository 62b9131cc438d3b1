using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace RaySharp.Cluster;

/// <summary>
/// Starts the silo's node when the silo becomes active (and learns the other nodes), and shuts it down first when the
/// silo stops: a clean stop drains it first (see <see cref="RayNode.DrainAsync"/>), an ungraceful one leaves as a crash.
/// </summary>
internal sealed class RayNodeLifecycle(RayNode node, IOptions<NodeDrainOptions> drain) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RayNode), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => _stopping.Dispose();

    private async Task StartAsync(CancellationToken cancellation)
    {
        // Made here, outside any grain turn (Orleans refuses to make an observer reference inside one): the first
        // message a node sends may leave from a turn (an actor handle read in a batch posts its AddHolder there).
        _ = node.Backend.ReplyTo;
        await node.Backend.RefreshNodesAsync().ConfigureAwait(false);
        _watch = Task.Run(() => node.Backend.WatchMembershipAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task StopAsync(CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            // An ungraceful stop (Orleans' kill): leave as a crash would, without a word to the other nodes.
            node.Backend.Silence();
        }
        else
        {
            // A clean stop: the tasks here finish and their results leave first, while the silo still serves grains.
            await node.DrainAsync(drain.Value.Timeout, cancellation).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watch.ConfigureAwait(false);
        node.Dispose();
    }
}
