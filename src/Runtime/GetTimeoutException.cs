using System;

namespace RaySharp;

/// <summary>
/// Thrown when <c>Get</c> or <c>Wait</c>-based reads give up because their timeout passed first.
/// The object is not lost: the task may still finish, and a later <c>Get</c> can read it.
/// </summary>
public sealed class GetTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for one object that was not ready in time.</summary>
    public GetTimeoutException(ObjectRef reference, TimeSpan timeout)
        : base($"Get timed out after {Describe(timeout)}: {reference} is not ready. The task may still be running; "
            + "pass a longer timeout, or use Ray.Wait to poll without throwing.")
    {
        ObjectId = reference.Id;
    }

    /// <summary>The id of the object that was not ready.</summary>
    public ObjectId ObjectId { get; }

    private static string Describe(TimeSpan timeout) =>
        timeout == TimeSpan.Zero ? "0 s (a poll)" : $"{timeout.TotalSeconds:0.###} s";
}
