using System;
using System.Threading;

namespace RaySharp.Tests.Support;

/// <summary>A latch a test opens to let blocked tasks go on; waits are bounded so a bug fails instead of hanging.</summary>
internal sealed class Gate : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _open = new();

    public void Open() => _open.Set();

    /// <summary>Blocks until the gate opens; throws after 30 s so a missing Open fails the test instead of hanging it.</summary>
    public bool Pass(CancellationToken cancellationToken = default) =>
        _open.Wait(Limit, cancellationToken) ? true : throw new TimeoutException("The test never opened the gate.");

    public void Dispose() => _open.Set();
}
