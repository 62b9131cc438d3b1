using System.Runtime.InteropServices;

namespace RaySharp.Observability;

/// <summary>
/// What a <see cref="TaskEventRing"/>'s thread writes for most events (the metrics' counters, the time of its last
/// run event), alone on its cache lines: the GC compacts the rings of different threads next to each other, and
/// without the padding one thread's writes would keep taking the line another thread's ring sits on (false sharing).
/// Written only by the ring's thread; read racily (whole longs) by collectors.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct TaskEventRingCounts
{
    [FieldOffset(64)]
    public long Submitted;

    [FieldOffset(72)]
    public long LeftQueue;

    [FieldOffset(80)]
    public long Finished;

    [FieldOffset(88)]
    public long Failed;

    [FieldOffset(96)]
    public long Cancelled;

    /// <summary>The time of the last <see cref="RunEvent.Time"/> word in the ring's run events; 0 before the first.</summary>
    [FieldOffset(104)]
    public long LastTime;
}
