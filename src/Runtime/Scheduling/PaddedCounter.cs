using System.Runtime.InteropServices;

namespace RaySharp.Scheduling;

/// <summary>
/// A counter alone on its cache lines: a field of this type keeps threads that write the counter from slowing down
/// threads that only read the fields next to it (false sharing), and the other way round.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedCounter
{
    /// <summary>The count; use it with <see cref="System.Threading.Interlocked"/> or <see cref="System.Threading.Volatile"/>.</summary>
    [FieldOffset(64)]
    public long Value;
}
