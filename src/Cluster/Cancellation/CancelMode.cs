using System;
using Orleans;

namespace RaySharp.Cluster.Cancellation;

/// <summary>What a <c>Ray.Cancel</c> asks of a task another node runs: nothing (a spec), a cancel, and its options.</summary>
[Flags]
[GenerateSerializer]
internal enum CancelMode : byte
{
    /// <summary>Not a cancel: the item carries a task's spec.</summary>
    None = 0,

    /// <summary>Cancel the task: a queued one never runs, a running one sees its token.</summary>
    Cancel = 1,

    /// <summary>Also fail the ref of a running task at once (<c>force</c>).</summary>
    Force = 2,

    /// <summary>Also cancel the tasks it submitted (<c>recursive</c>).</summary>
    Recursive = 4,
}
