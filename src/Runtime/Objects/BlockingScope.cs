using System.Threading;

namespace RaySharp.Objects;

/// <summary>Where the object layer finds the running task: a thread slot for synchronous code, a flowing slot for async code.</summary>
internal static class BlockingScope
{
    [System.ThreadStatic]
    private static IBlockingContext? t_current;

    private static readonly AsyncLocal<IBlockingContext?> s_async = new();

    /// <summary>The task running synchronously on this thread, else the async task this code flows from.</summary>
    public static IBlockingContext? Current => t_current ?? s_async.Value;

    /// <summary>The async task this code flows from, if any.</summary>
    public static IBlockingContext? Flowing => s_async.Value;

    /// <summary>Sets the thread's task and returns the previous one, to restore afterwards.</summary>
    public static IBlockingContext? EnterThread(IBlockingContext? context)
    {
        var previous = t_current;
        t_current = context;
        return previous;
    }

    /// <summary>Sets the task that async continuations of the current code flow with.</summary>
    public static void SetFlowing(IBlockingContext? context) => s_async.Value = context;
}
