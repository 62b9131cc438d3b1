using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace RaySharp.Cluster;

/// <summary>Starts the silo's node when the silo becomes active (and learns the other nodes), and shuts it down first when the silo stops.</summary>
internal sealed class RayNodeLifecycle(RayNode node) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RayNode), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellation) => await node.Backend.RefreshNodesAsync().ConfigureAwait(false);

    private Task StopAsync(CancellationToken cancellation)
    {
        node.Dispose();
        return Task.CompletedTask;
    }
}
