using System;
using System.Diagnostics;

namespace RaySharp.Observability;

/// <summary>Turns the task events' clocks (Stopwatch ticks, and TickCount64 milliseconds for submissions) into wall time.</summary>
internal sealed class RuntimeClock
{
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _startTickCount = Environment.TickCount64;

    /// <summary>Stopwatch ticks when the runtime started: the timeline's zero.</summary>
    public long Origin => _startTimestamp;

    public DateTimeOffset FromTimestamp(long timestamp) => _startedAt + Stopwatch.GetElapsedTime(_startTimestamp, timestamp);

    public DateTimeOffset FromTickCount(long tickCount) => _startedAt + TimeSpan.FromMilliseconds(tickCount - _startTickCount);

    /// <summary>A TickCount64 reading as Stopwatch ticks (millisecond precision).</summary>
    public long TimestampOfTickCount(long tickCount) => _startTimestamp + ((tickCount - _startTickCount) * Stopwatch.Frequency / 1000);

    /// <summary>Microseconds since the runtime started, as the Chrome trace format counts.</summary>
    public double Microseconds(long timestamp) => (timestamp - _startTimestamp) * 1_000_000.0 / Stopwatch.Frequency;
}
