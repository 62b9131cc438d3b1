using System.Collections.Generic;
using System.Threading.Tasks;
using RaySharp.Cluster.Backend;

namespace RaySharp.Cluster.Transport;

/// <summary>The observer behind a backend's <see cref="INodeResults"/> reference: results go to the backend's pending tasks.</summary>
internal sealed class ResultsReceiver(ClusterBackend backend) : INodeResults
{
    public Task Complete(string from, IReadOnlyList<WireResult> results)
    {
        backend.Complete(from, results);
        return Task.CompletedTask;
    }
}
