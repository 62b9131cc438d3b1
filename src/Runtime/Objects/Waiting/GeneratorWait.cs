using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace RaySharp.Objects.Waiting;

/// <summary>
/// <c>Ray.Wait</c> over streaming generators (Ray's <c>ray.wait([gen])</c>): each generator stands in the wait as the
/// ref <see cref="ObjectRefGenerator{T}.NextReady"/> gives, ready once a ref is yielded past its cursor or its task
/// has ended; the ready and not-ready refs are mapped back to their generators, in input order.
/// </summary>
internal static class GeneratorWait
{
    /// <summary>The stand-in refs of <paramref name="generators"/>, in the same order.</summary>
    /// <exception cref="ArgumentException">A generator is null or appears twice.</exception>
    public static List<ObjectRef> Signals<T>(IReadOnlyList<ObjectRefGenerator<T>> generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        var seen = new HashSet<ObjectRefGenerator<T>>(generators.Count, ReferenceEqualityComparer.Instance);
        var signals = new List<ObjectRef>(generators.Count);
        for (var i = 0; i < generators.Count; i++)
        {
            var generator = generators[i] ?? throw new ArgumentException($"Ray.Wait got a null generator at position {i}.", nameof(generators));
            if (!seen.Add(generator))
            {
                throw new ArgumentException($"Ray.Wait got the generator at position {i} twice; pass each generator once.", nameof(generators));
            }

            signals.Add(generator.NextReady());
        }

        return signals;
    }

    /// <summary>The generators whose stand-ins are in <paramref name="result"/>'s ready part, and the rest, each in input order.</summary>
    public static (IReadOnlyList<ObjectRefGenerator<T>> Ready, List<ObjectRefGenerator<T>> NotReady) Split<T>(
        IReadOnlyList<ObjectRefGenerator<T>> generators, List<ObjectRef> signals, WaitResult<ObjectRef> result)
    {
        var ready = new HashSet<ObjectRef>(result.Ready, ReferenceEqualityComparer.Instance);
        var readyGenerators = new List<ObjectRefGenerator<T>>(ready.Count);
        var notReady = new List<ObjectRefGenerator<T>>(generators.Count - ready.Count);
        for (var i = 0; i < generators.Count; i++)
        {
            (ready.Contains(signals[i]) ? readyGenerators : notReady).Add(generators[i]);
        }

        return (readyGenerators, notReady);
    }

    /// <summary><see cref="Split{T}"/> once the wait is done.</summary>
    public static async ValueTask<(IReadOnlyList<ObjectRefGenerator<T>> Ready, List<ObjectRefGenerator<T>> NotReady)> SplitAsync<T>(
        IReadOnlyList<ObjectRefGenerator<T>> generators, List<ObjectRef> signals, ValueTask<WaitResult<ObjectRef>> waiting) =>
        Split(generators, signals, await waiting.ConfigureAwait(false));
}
