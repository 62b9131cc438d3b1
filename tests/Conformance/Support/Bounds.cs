using System;

namespace RaySharp.Conformance.Support;

/// <summary>The timeouts every wait in this suite is bounded by, so a regression fails instead of hanging.</summary>
internal static class Bounds
{
    /// <summary>Long enough for anything that must happen; only a defect reaches it.</summary>
    public static readonly TimeSpan Must = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a call that stands for Ray's endless loop or sleep blocks before giving up: longer than
    /// <see cref="Must"/>, so a test can never pass because the blocked call timed out first.
    /// </summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    /// <summary>Ray's short probe (<c>timeout=0.1</c>): used only to check that something has NOT happened.</summary>
    public static readonly TimeSpan Probe = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Added to an upper bound on elapsed time where Ray asserts a tight one: a thread on a loaded two-core machine can
    /// be held off that long, and the bound still tells "returned after its timeout" from "waited for the task".
    /// </summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);
}
