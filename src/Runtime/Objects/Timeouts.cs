using System;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>Turns the public "null means forever" timeouts into wait timeouts, rejecting negative ones.</summary>
internal static class Timeouts
{
    public static TimeSpan Validate(TimeSpan? timeout)
    {
        if (timeout is not { } value)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), value, "A timeout must be zero or positive; pass null to wait forever.");
        }

        return value;
    }

    /// <summary>The time left until <paramref name="deadline"/> (a <see cref="Environment.TickCount64"/> value), or infinite.</summary>
    public static TimeSpan Remaining(long deadline) =>
        deadline == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));

    /// <summary>The deadline for a validated timeout.</summary>
    public static long Deadline(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
}
