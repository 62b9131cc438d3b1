namespace RaySharp.Objects;

/// <summary>
/// The running task, as the object layer sees it when that task is about to wait for an object.
/// The scheduler implements it so that a waiting task can run the producer itself, or give its CPU back.
/// </summary>
internal interface IBlockingContext
{
    /// <summary>The runtime the task runs in: remote calls made from it go there.</summary>
    RayRuntime Runtime { get; }

    /// <summary>Tries to run the task that produces <paramref name="awaited"/> on this thread, now.</summary>
    bool TryRunProducerInline(ObjectEntry awaited);

    /// <summary>The caller is about to block or suspend: release the CPU the task holds.</summary>
    void BeginBlocking();

    /// <summary>The caller resumes: take the CPU back.</summary>
    void EndBlocking();
}
