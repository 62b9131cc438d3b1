using System.Linq;
using System.Threading;
using RaySharp;

namespace QuickStart;

/// <summary>A row of the tutorial's data: the id, twice the id, and a word of the reference data.</summary>
public readonly record struct Datum(int Id, int Double, string Word)
{
    public override string ToString() => $"({Id}, {Double}, {Word})";
}

/// <summary>The tutorial's functions: ordinary C#, made remote by <c>[RayRemote]</c>.</summary>
public static partial class Tutorial
{
    public static readonly string[] ReferenceData = ["Fast", "and", "Simple", "Distributed", "Computing"];

    /// <summary>Looks up a datum, pretending the lookup takes id/10 seconds.</summary>
    public static Datum GetDatum(int id, string[] referenceData)
    {
        Thread.Sleep(id * 100);
        return new Datum(id, 2 * id, referenceData[id % 5]);
    }

    /// <summary>
    /// The remote version. As in the tutorial, the reference data lives in the object store: callers pass its ref, and
    /// the runtime resolves it before the task starts, so the task takes the plain array (RAY0104 flags a Get here).
    /// </summary>
    [RayRemote]
    public static Datum GetRefDatum(int id, string[] referenceData) => GetDatum(id, referenceData);

    /// <summary>Pairs a datum with the datum of twice its id. Called with a ref, it waits for that task first.</summary>
    [RayRemote]
    public static (Datum, Datum) GetRefDatum2(Datum datum, string[] referenceData) =>
        (datum, GetDatum(datum.Double, referenceData));

    /// <summary>The remote version that also tells the tracker actor which reference datum it used.</summary>
    [RayRemote]
    public static Datum GetTrackedDatum(int id, string[] referenceData, ReferenceDataTracker.Handle tracker)
    {
        _ = tracker.Increment(id % 5);
        return GetDatum(id, referenceData);
    }
}

/// <summary>An actor: counts how often each reference datum was requested. Its state is read through a method.</summary>
[RayRemote]
public partial class ReferenceDataTracker
{
    private readonly int[] _counts = new int[5];

    public void Increment(int index) => _counts[index]++;

    public int[] Counts() => _counts.ToArray();
}
