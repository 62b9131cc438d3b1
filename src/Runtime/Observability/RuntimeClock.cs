using System;
using System.Diagnostics;

namespace RaySharp.Observability;

/// <summary>Turns the task events' times (Stopwatch ticks) into wall time.</summary>
internal sealed class RuntimeClock
{
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Stopwatch ticks when the runtime started: the timeline's zero.</summary>
    public long Origin => _startTimestamp;

    public DateTimeOffset FromTimestamp(long timestamp) => _startedAt + Stopwatch.GetElapsedTime(_startTimestamp, timestamp);


    /// <summary>Microseconds since the runtime started, as the Chrome trace format counts.</summary>
    public double Microseconds(long timestamp) => (timestamp - _startTimestamp) * 1_000_000.0 / Stopwatch.Frequency;
}
