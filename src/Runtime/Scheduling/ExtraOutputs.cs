using System.Runtime.ExceptionServices;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>
/// The outputs of a task beyond its first result: the other refs of a <c>NumReturns</c> task, or the stream of a
/// streaming task. Most tasks have none, so this lives apart from <see cref="LocalTask"/>.
/// </summary>
internal sealed class ExtraOutputs(ObjectEntry[] entries, IObjectStream? stream)
{
    /// <summary>Results 1..n-1 of a task with several returns.</summary>
    public ObjectEntry[] Entries { get; } = entries;

    /// <summary>Where a streaming task's items go.</summary>
    public IObjectStream? Stream { get; } = stream;

    public void Publish()
    {
        foreach (var entry in Entries)
        {
            entry.TryPublishStaged();
        }

        Stream?.Complete();
    }

    public void Fail(ExceptionDispatchInfo error)
    {
        foreach (var entry in Entries)
        {
            entry.TryFail(error);
        }

        Stream?.Fail(error);
    }
}

/// <summary>The producer side of a streaming task's refs.</summary>
internal interface IObjectStream
{
    /// <summary>The task ended normally: no more items.</summary>
    void Complete();

    /// <summary>The task failed: readers get one last ref that throws <paramref name="error"/>.</summary>
    void Fail(ExceptionDispatchInfo error);
}
