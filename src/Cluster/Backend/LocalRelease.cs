using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp.Cluster.Backend;

/// <summary>Frees the demand a task placed on this node's ledger once its result entry completes.</summary>
internal sealed class LocalRelease(ResourceLedger ledger, ResourceRequest request) : IObjectWaiter
{
    public void OnObjectCompleted(ObjectRef entry, int token) => ledger.Remove(request);
}
