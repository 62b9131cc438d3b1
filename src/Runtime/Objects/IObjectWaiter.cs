namespace RaySharp.Objects;

/// <summary>Something told once when an <see cref="ObjectRef"/> completes.</summary>
internal interface IObjectWaiter
{
    /// <summary>Called once, outside any lock, after <paramref name="entry"/> completed.</summary>
    /// <param name="entry">The entry that completed.</param>
    /// <param name="token">The token given at registration, so one waiter can watch many entries.</param>
    void OnObjectCompleted(ObjectRef entry, int token);
}
