using Orleans;

namespace RaySharp.Cluster.Nodes;

/// <summary>The gate's answer: a refusal (null when admitted) and the head's silo endpoint a new node joins through.</summary>
[GenerateSerializer, Immutable]
internal sealed class GateAnswer(string? refusal, string? primarySilo)
{
    [Id(0)]
    public string? Refusal { get; } = refusal;

    [Id(1)]
    public string? PrimarySilo { get; } = primarySilo;
}
