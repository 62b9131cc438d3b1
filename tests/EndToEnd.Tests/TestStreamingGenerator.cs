using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

/// <summary>Ray's python/ray/tests/test_streaming_generator.py, the wait tests, with generated streaming stubs.</summary>
public sealed class TestStreamingGenerator
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void test_generator_wait()
    {
        // Ports test_generator_wait's basic, timeout and num_returns cases; gates replace Ray's sleeps. Its mixed case
        // (a generator and a ref in one list) is not ported: see docs/ray-compatibility.md.
        using var ray = TestRuntime.Start();
        var gate = GatedStreams.NewGate();
        var gen = GatedStreams.Remote.CountWhenLet(gate, 2);

        // Basic cases: ready once the next item is, and next(gen) gives it.
        foreach (var expected in new[] { 0, 1 })
        {
            Assert.Empty(Ray.Wait([gen], timeout: TimeSpan.Zero).Ready);
            GatedStreams.Gates[gate].Release();
            var (r, ur) = Ray.Wait([gen], numReturns: 1, timeout: s_timeout);
            Assert.Single(r);
            Assert.True(r[0].TryNext(out var next));
            Assert.Equal(expected, next.Get(s_timeout));
            Assert.Empty(ur);
        }

        // Should raise a stop iteration: a finished generator stays ready, and has no next ref.
        for (var i = 0; i < 3; i++)
        {
            var (r, ur) = Ray.Wait([gen], numReturns: 1, timeout: s_timeout);
            Assert.Single(r);
            Assert.False(r[0].TryNext(out _));
            Assert.True(r[0].IsFinished);
            Assert.Empty(ur);
        }

        // Test timeout: one generator has an item, the other not.
        var slowGate = GatedStreams.NewGate();
        var slow = GatedStreams.Remote.CountWhenLet(slowGate, 1);
        var fast = GatedStreams.Remote.CountWhenLet(GatedStreams.NewGate(released: 1), 1);
        Assert.Single(Ray.Wait([fast], timeout: s_timeout).Ready); // a handshake, where Ray trusts 0.2 s to be enough for the fast one
        var (ready, unready) = Ray.Wait([slow, fast], timeout: TimeSpan.FromMilliseconds(200), numReturns: 2);
        // Assert.Same, not Assert.Equal: a generator is a sequence, which Assert.Equal would enumerate to its end.
        Assert.Same(fast, Assert.Single(ready));
        Assert.Same(slow, Assert.Single(unready));
        GatedStreams.Gates[slowGate].Release(); // let it finish, so the runtime shuts down at once

        // Test num_returns.
        var one = GatedStreams.Remote.CountWhenLet(GatedStreams.NewGate(released: 1), 1);
        var two = GatedStreams.Remote.CountWhenLet(GatedStreams.NewGate(released: 1), 1);
        (ready, unready) = Ray.Wait([one, two], numReturns: 2, timeout: s_timeout);
        Assert.Equal(2, ready.Count);
        Assert.Empty(unready);
    }

    [Fact]
    public async Task test_generator_wait_e2e()
    {
        // Ports test_generator_wait_e2e's loop (generators only; backpressure is not a RaySharp option): wait on all,
        // take the next ref of each ready one, put back those not finished, until none is left.
        using var ray = TestRuntime.Start();
        var gens = new List<ObjectRefGenerator<int>>();
        for (var i = 0; i < 4; i++)
        {
            gens.Add(GatedStreams.Remote.CountWhenLet(GatedStreams.NewGate(released: 2), 2));
        }

        var result = new List<int>();
        var unready = gens;
        while (unready.Count > 0)
        {
            (var ready, unready) = await Ray.WaitAsync(unready, numReturns: unready.Count, timeout: TimeSpan.FromMilliseconds(100));
            foreach (var r in ready)
            {
                if (r.TryNext(out var next))
                {
                    result.Add(await next);
                    unready.Add(r);
                }
            }
        }

        Assert.Equal(8, result.Count);
        Assert.Equal(4, result.FindAll(v => v == 0).Count);
        Assert.Equal(4, result.FindAll(v => v == 1).Count);
        Assert.All(gens, g => Assert.True(g.IsFinished));
    }

    [Fact]
    public void Wait_on_generators_rejects_duplicates_and_bad_counts()
    {
        using var ray = TestRuntime.Start();
        var gen = GatedStreams.Remote.CountWhenLet(GatedStreams.NewGate(released: 1), 1);

        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => Ray.Wait([gen, gen])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.Wait([gen], numReturns: 2));
        Assert.Throws<ArgumentNullException>(() => Ray.Wait((IReadOnlyList<ObjectRefGenerator<int>>)null!));
    }
}
