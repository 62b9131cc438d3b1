using System;
using Xunit;

namespace RaySharp.Conformance.Support;

/// <summary>Ray's <c>pytest.raises</c> idioms, mapped to RaySharp's exception types.</summary>
internal static class RayAssert
{
    /// <summary>
    /// test_cancel.py's <c>valid_exceptions(use_force)</c>: a cancelled task, or one that failed because what it read
    /// was cancelled, raises <see cref="TaskCancelledException"/> or <see cref="RayTaskException"/>. (Ray adds
    /// <c>WorkerCrashedError</c>/<c>ObjectLostError</c> for <c>force=True</c>: in one process no worker crashes.)
    /// </summary>
    public static Exception Cancelled(Action get)
    {
        var error = Record.Exception(get);
        Assert.NotNull(error);
        Assert.True(error is TaskCancelledException or RayTaskException, $"Expected a cancellation, got {error}");
        return error;
    }

    /// <summary><c>pytest.raises(RayTaskError)</c> whose cause is a <typeparamref name="TInner"/>.</summary>
    public static TInner TaskError<TInner>(Action get)
        where TInner : Exception
    {
        var error = Assert.Throws<RayTaskException>(get);
        return Assert.IsAssignableFrom<TInner>(error.InnerException);
    }
}
