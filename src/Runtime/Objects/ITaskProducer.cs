namespace RaySharp.Objects;

/// <summary>What produces a pending entry, as far as a caller holding its ref can act on it.</summary>
internal interface ITaskProducer
{
    /// <summary>Cancels the producing task (Ray's <c>ray.cancel</c>).</summary>
    void Cancel(bool force, bool recursive);
}
