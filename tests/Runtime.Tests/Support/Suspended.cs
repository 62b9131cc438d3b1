using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Tests.Support;

/// <summary>
/// Awaits a task and signals once the awaiting method has suspended on it (its continuation is registered), so a test
/// knows an async body is parked without sleeping for it.
/// </summary>
internal readonly struct Suspended<T>(Task<T> task, ManualResetEventSlim suspended)
{
    public Awaiter GetAwaiter() => new(task.GetAwaiter(), suspended);

    internal readonly struct Awaiter(TaskAwaiter<T> inner, ManualResetEventSlim suspended) : ICriticalNotifyCompletion
    {
        public bool IsCompleted => inner.IsCompleted;

        public T GetResult() => inner.GetResult();

        public void OnCompleted(Action continuation)
        {
            inner.OnCompleted(continuation);
            suspended.Set();
        }

        public void UnsafeOnCompleted(Action continuation)
        {
            inner.UnsafeOnCompleted(continuation);
            suspended.Set();
        }
    }
}
