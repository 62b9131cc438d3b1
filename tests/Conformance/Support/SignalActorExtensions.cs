using System;
using System.Diagnostics;
using System.Threading;

namespace RaySharp.Conformance.Support;

/// <summary>Ray's <c>wait_for_condition</c> around a <see cref="SignalActor"/>.</summary>
internal static class SignalActorExtensions
{
    /// <summary>Waits (bounded) until <paramref name="count"/> calls are inside <see cref="SignalActor.Wait"/>.</summary>
    public static void AwaitWaiters(this SignalActor.Handle signal, int count)
    {
        var clock = Stopwatch.StartNew();
        while (signal.CurNumWaiters().Get(Bounds.Must) < count)
        {
            if (clock.Elapsed > Bounds.Must)
            {
                throw new TimeoutException($"Fewer than {count} waiters reached the signal in {Bounds.Must}.");
            }

            Thread.Yield();
        }
    }
}
