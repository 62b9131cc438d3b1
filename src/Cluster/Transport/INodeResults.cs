using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace RaySharp.Cluster.Transport;

/// <summary>Where the results of the tasks a node or a driver sent come back: an observer it creates, so a driver (an Orleans client, which hosts no grain) gets them too.</summary>
internal interface INodeResults : IGrainObserver
{
    /// <summary>Results of tasks sent to node <paramref name="from"/>; one-way, as a sender that left has nobody to tell.</summary>
    [OneWay]
    Task Complete(string from, IReadOnlyList<WireResult> results);
}
