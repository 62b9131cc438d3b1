using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace RaySharp.Hosting;

/// <summary>Starts the runtime with the host (it is made on first use) and disposes it when the host stops.</summary>
internal sealed class RaySharpHostedService(RayRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask; // taking the runtime started it

    public Task StopAsync(CancellationToken cancellationToken)
    {
        runtime.Dispose();
        return Task.CompletedTask;
    }
}
