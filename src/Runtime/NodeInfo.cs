using System.Collections.Generic;

namespace RaySharp;

/// <summary>One node, as <see cref="RuntimeState.Nodes"/> lists it (a row of Ray's <c>ray list nodes</c>).</summary>
/// <param name="NodeId">The node's id: 16 hex digits, the owner part of the ids of the objects and tasks it makes.</param>
/// <param name="NodeName">The machine's name.</param>
/// <param name="IsHeadNode">True for the node the driver runs on (the only one of the in-process runtime).</param>
/// <param name="IsAlive">True until the node stops (its runtime is shut down).</param>
/// <param name="ResourcesTotal">What it has, as resource name → amount (<see cref="RayRuntime.ClusterResources"/>).</param>
/// <param name="ResourcesAvailable">What is free now (<see cref="RayRuntime.AvailableResources"/>).</param>
public sealed record NodeInfo(
    string NodeId,
    string NodeName,
    bool IsHeadNode,
    bool IsAlive,
    IReadOnlyDictionary<string, double> ResourcesTotal,
    IReadOnlyDictionary<string, double> ResourcesAvailable);
