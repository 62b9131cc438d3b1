using System.Collections.Generic;
using Orleans;

namespace RaySharp.Cluster;

/// <summary>One node as <c>raysharp status</c> shows it (see <see cref="RayCluster.StatusAsync"/>).</summary>
/// <param name="NodeId">The node's id: its silo's address.</param>
/// <param name="IsHead">True for the head node (the one started with <c>--head</c>).</param>
/// <param name="Total">Resource name → amount the node offers, CPU included.</param>
/// <param name="Available">Resource name → amount free now.</param>
/// <param name="TasksRunning">Tasks running on the node now (counted when task events are on, the default).</param>
/// <param name="TasksQueued">Tasks waiting on the node for resources or arguments.</param>
/// <param name="ObjectsStored">Objects in the node's object store.</param>
/// <param name="StoreBytes">Bytes of those objects in memory.</param>
[GenerateSerializer, Immutable]
public sealed record RayNodeStatus(
    [property: Id(0)] string NodeId,
    [property: Id(1)] bool IsHead,
    [property: Id(2)] Dictionary<string, double> Total,
    [property: Id(3)] Dictionary<string, double> Available,
    [property: Id(4)] long TasksRunning,
    [property: Id(5)] long TasksQueued,
    [property: Id(6)] long ObjectsStored,
    [property: Id(7)] long StoreBytes);
