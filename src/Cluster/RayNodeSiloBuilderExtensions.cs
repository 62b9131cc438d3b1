using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using RaySharp.Cluster.Placement;

namespace RaySharp.Cluster;

/// <summary>Makes an Orleans silo a RaySharp node.</summary>
public static class RayNodeSiloBuilderExtensions
{
    /// <summary>
    /// Hosts a <see cref="RayNode"/> in this silo: a RaySharp runtime sized by <paramref name="options"/> (its
    /// <see cref="RayOptions.NumCpus"/> and <see cref="RayOptions.Resources"/> are what this node offers the cluster),
    /// started when the silo becomes active and, when it stops, drained (see <see cref="NodeDrainOptions"/>) and shut down. The
    /// runtime logs to the silo's <see cref="ILoggerFactory"/> unless <see cref="RayOptions.LoggerFactory"/> names another. Every silo of the cluster needs it, and every
    /// silo must run the same build of the application, so each node knows every remote function by id.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="options">The node's runtime options; null for the defaults (every core of the machine).</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddRaySharpNode(this ISiloBuilder builder, RayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var nodeOptions = options ?? new RayOptions();
        builder.AddPlacementDirector<NodePlacement, NodePlacementDirector>();
        builder.Services.AddSingleton(services => new RayNode(
            nodeOptions.WithDefaultLoggerFactory(services.GetService<ILoggerFactory>()),
            services.GetRequiredService<ILocalSiloDetails>(),
            services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredService<IClusterMembershipService>()));
        builder.Services.AddOptions<NodeDrainOptions>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RayNodeLifecycle>();
        return builder;
    }
}
