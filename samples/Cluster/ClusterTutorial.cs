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
}
