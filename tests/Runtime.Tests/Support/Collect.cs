using System;
using System.Diagnostics;
using System.Threading;

namespace RaySharp.Tests.Support;

/// <summary>Forces garbage collections until a condition that finalizers bring about holds, or a deadline passes.</summary>
internal static class Collect
{
    /// <summary>
    /// Collects and runs finalizers until <paramref name="condition"/> holds; false when <paramref name="limit"/> passed
    /// first. The limit is generous on purpose: on a loaded machine the finalizer and the pool thread that a release
    /// posts to may run late, and a short retry count made the same check fail on a busy CI box.
    /// </summary>
    public static bool Until(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(10); // a poll interval, not an ordering: the loop ends on the condition
        }

        return true;
    }
}
