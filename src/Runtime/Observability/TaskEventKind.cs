namespace RaySharp.Observability;

/// <summary>What happened to a task: the three points its state is recorded at.</summary>
internal enum TaskEventKind : byte
{
    /// <summary>Accepted by the backend.</summary>
    Submitted,

    /// <summary>An attempt started running on the ring's thread.</summary>
    Started,

    /// <summary>Returned, failed or was cancelled: <see cref="TaskEvent.Outcome"/> says which.</summary>
    Ended,
}
