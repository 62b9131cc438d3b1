using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;

namespace RaySharp.Cluster.Nodes;

/// <summary>
/// A short-lived Orleans client on one gateway, for what talks to a cluster without joining it as a node: a new node
/// asking the way in, <c>raysharp status</c>. A few quick retries, so a wrong address is reported in seconds.
/// </summary>
internal sealed class GatewayClient : IAsyncDisposable
{
    private const int ConnectAttempts = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly IHost _host;

    private GatewayClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <exception cref="InvalidOperationException">No cluster answers at <paramref name="address"/>.</exception>
    public static async Task<GatewayClient> ConnectAsync(string address, IPEndPoint gateway)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var attempts = 0;
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .UseConnectionRetryFilter(async (_, cancellation) =>
            {
                if (++attempts > ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(RetryDelay, cancellation).ConfigureAwait(false);
                return true;
            }));
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await host.StartAsync(timeout.Token).ConfigureAwait(false);
            return new GatewayClient(host);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"No RaySharp cluster answered at '{address}' ({error.GetType().Name}: {error.Message}). "
                + "Start the head node first (raysharp start --head …), and give the gateway address it printed (host:port).", error);
        }
    }

    /// <summary>Presents the token at the cluster's gate.</summary>
    /// <exception cref="UnauthorizedAccessException">The cluster refused it; the message names the fix.</exception>
    public async Task<GateAnswer> EnterAsync(string? token, string who)
    {
        var answer = await Grains.GetGrain<IClusterGateGrain>(0).Enter(token, who).ConfigureAwait(false);
        return answer.Refusal is null ? answer : throw new UnauthorizedAccessException(answer.Refusal);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Leaving anyway.
        }

        _host.Dispose();
    }
}
