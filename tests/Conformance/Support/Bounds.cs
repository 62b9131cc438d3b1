using System;

namespace RaySharp.Conformance.Support;

/// <summary>The timeouts every wait in this suite is bounded by, so a regression fails instead of hanging.</summary>
internal static class Bounds
{
    /// <summary>Long enough for anything that must happen; only a defect reaches it.</summary>
    public static readonly TimeSpan Must = TimeSpan.FromSeconds(20);

    /// <summary>Ray's short probe (<c>timeout=0.1</c>): used only to check that something has NOT happened.</summary>
    public static readonly TimeSpan Probe = TimeSpan.FromMilliseconds(100);
}
