using QuickStart;
using RaySharp;

namespace ClusterSample;

/// <summary>A datum and the node that computed it.</summary>
public readonly record struct DatumOnNode(Datum Datum, string Node);

/// <summary>The tutorial's lookup, telling which node ran it.</summary>
public static partial class ClusterTutorial
{
    [RayRemote]
    public static DatumOnNode GetRefDatumOnNode(int id, string[] referenceData) =>
        new(Tutorial.GetDatum(id, referenceData), Ray.GetRuntimeContext().NodeId);

    /// <summary>
    /// QuickStart's tracked lookup, from whichever node runs it: the tracker actor lives on a node of its own choosing,
    /// and this task waits for its count, so the driver's next read of the counts includes it.
    /// </summary>
    [RayRemote]
    public static DatumOnNode GetTrackedDatumOnNode(int id, string[] referenceData, ReferenceDataTracker.Handle tracker)
    {
        tracker.Increment(id % 5).Get();
        return GetRefDatumOnNode(id, referenceData);
    }
}
