using System;

namespace RaySharp.Observability;

/// <summary>The detail of a failed or cancelled task's end: its name and the error (only failures allocate one).</summary>
internal sealed record TaskFailure(string Name, Exception Error)
{
    /// <summary>The original exception: the one inside <see cref="RayTaskException"/>, else the error itself.</summary>
    public Exception Original => Error is RayTaskException { InnerException: { } inner } ? inner : Error;
}
