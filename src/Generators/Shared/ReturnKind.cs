namespace RaySharp.Generators.Shared;

/// <summary>What a remote method returns, which decides the stub's result and the invoker's <c>Return…</c> call.</summary>
internal enum ReturnKind
{
    /// <summary><c>T</c>: the ref holds the value.</summary>
    Value,

    /// <summary><c>void</c>: the ref holds <c>Unit</c>.</summary>
    Void,

    /// <summary><c>Task</c>: the ref holds <c>Unit</c> once the task completes.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,

    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,

    /// <summary><c>IEnumerable&lt;T&gt;</c>: a streaming task, one ref per item.</summary>
    Stream,

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c>: an async streaming task, one ref per item.</summary>
    AsyncStream,
}
