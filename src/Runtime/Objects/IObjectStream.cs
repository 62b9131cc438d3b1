using System.Runtime.ExceptionServices;

namespace RaySharp.Objects;

/// <summary>The producer side of a streaming task's refs.</summary>
internal interface IObjectStream
{
    /// <summary>The task ended normally: no more items.</summary>
    void Complete();

    /// <summary>The task failed: readers get one last ref that throws <paramref name="error"/>.</summary>
    void Fail(ExceptionDispatchInfo error);

    /// <summary>The task runs again (a retry): the items it yields count from the first again, and those already written are skipped.</summary>
    void RestartAttempt();
}
