using System.Globalization;

namespace RaySharp;

/// <summary>The identity of one submitted task: plain data, unique across runtimes.</summary>
/// <param name="Owner">The id of the runtime that accepted the task.</param>
/// <param name="Sequence">The task's number within its owner.</param>
public readonly record struct TaskId(ulong Owner, ulong Sequence)
{
    /// <summary>The id as 32 hex digits, owner first.</summary>
    public override string ToString() =>
        Owner.ToString("x16", CultureInfo.InvariantCulture) + Sequence.ToString("x16", CultureInfo.InvariantCulture);
}
