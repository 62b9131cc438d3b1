using System.Runtime.ExceptionServices;

namespace RaySharp.Objects;

/// <summary>
/// The outputs of a task beyond its first result: the other refs of a <c>NumReturns</c> task, or the stream of a
/// streaming task. Most tasks have none, so this lives apart from <see cref="TaskOutputs.Result"/>.
/// </summary>
internal sealed class ExtraOutputs(ObjectRef[] entries, IObjectStream? stream)
{
    /// <summary>Results 1..n-1 of a task with several returns.</summary>
    public ObjectRef[] Entries { get; } = entries;

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
