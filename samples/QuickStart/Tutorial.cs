using System.Threading;

namespace QuickStart;

/// <summary>A row of the tutorial's data: the id, twice the id, and a word of the reference data.</summary>
internal readonly record struct Datum(int Id, int Double, string Word)
{
    public override string ToString() => $"({Id}, {Double}, {Word})";
}

/// <summary>The ordinary C# the tutorial turns into remote tasks.</summary>
internal static class Tutorial
{
    public static readonly string[] ReferenceData = ["Fast", "and", "Simple", "Distributed", "Computing"];

    /// <summary>Looks up a datum, pretending the lookup takes id/10 seconds.</summary>
    public static Datum GetRefDatum(int id, string[] referenceData)
    {
        Thread.Sleep(id * 100);
        return new Datum(id, 2 * id, referenceData[id % 5]);
    }

    /// <summary>Pairs a datum with the datum of twice its id.</summary>
    public static (Datum, Datum) GetRefDatum2(Datum datum, string[] referenceData) =>
        (datum, GetRefDatum(datum.Double, referenceData));
}
