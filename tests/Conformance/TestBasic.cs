using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_basic.py (the stored copy is an older one; its single-node tests are ported).</summary>
[Collection(TimingCollection.Name)] // test_wait and test_wait_timing read the clock
public sealed partial class TestBasic
{
    [RayRemote]
    public static (int, int) NestedF() => (NestedG(), Remote.NestedH().Get(Bounds.Must));

    [RayRemote]
    public static int NestedH() => 2;

    [RayRemote]
    public static int PlusOne(int x) => x + 1;

    [RayRemote]
    public static int K2(int x) => Remote.PlusOne(x).Get(Bounds.Must);

    [RayRemote]
    public static int M(int x) => Remote.K2(x).Get(Bounds.Must);

    [RayRemote]
    public static int[] RangeOf(int n) => Enumerable.Range(0, n).ToArray();

    [RayRemote(NumReturns = 2)]
    public static (int, int) RangeOf2() => (0, 1);

    [RayRemote(NumReturns = 3)]
    public static (int, int, int) RangeOf3() => (0, 1, 2);

    [RayRemote]
    public static int[] GpuIds() => [.. Ray.GetGpuIds()];

    [RayRemote]
    public static int One() => 1;

    [RayRemote]
    public static bool MatchesAssigned(bool block, Dictionary<string, double> acceptedResources)
    {
        var trueResources = Ray.GetRuntimeContext().AssignedResources.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value);
        if (block)
        {
            Remote.One().Get(Bounds.Must);
        }

        return trueResources.Count == acceptedResources.Count
            && acceptedResources.All(kv => trueResources.TryGetValue(kv.Key, out var value) && Math.Abs(value - kv.Value) < 1e-9);
    }

    [RayRemote]
    public static int WaitOn(ObjectRef<int> signal) => signal.Get(Bounds.Must) + 1;

    [RayRemote]
    public static int WaitInside(ObjectRef<int>[] l)
    {
        Ray.Wait(l, timeout: Bounds.Must);
        return 0;
    }

    [RayRemote]
    public static int GetInside(ObjectRef<int>[] l) => l[0].Get(Bounds.Must);

    [RayRemote]
    public static int Echo(int value) => value;

    [RayRemote]
    public static string RunTestsInWorker()
    {
        ApiInMultiThreads();
        return "ok";
    }

    [RayRemote(NumCpus = 0)]
    public static int ZeroCpu() => 0;

    [RayRemote(NumCpus = 1, NumGpus = 1, MaxRetries = 0)]
    public static ObjectRef<int>[] SpawnsZeroCpu() => [Remote.ZeroCpu()];

    [RayRemote]
    public static int Sleeper(ObjectRef<int> signal) => signal.Get(Bounds.Must);

    [RayRemote(NumCpus = 2, NumGpus = 3, Resources = ["custom1=1"])]
    public static bool SeesAvailable(Dictionary<string, double> expectedResources)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bounds.Must)
        {
            var resources = Ray.AvailableResources();
            if (expectedResources.All(kv => resources.TryGetValue(kv.Key, out var value) && value == kv.Value))
            {
                return true;
            }

            System.Threading.Thread.Yield();
        }

        throw new InvalidOperationException("Number of retries exceeded");
    }

    [RayRemote]
    public static long Factorial(int n) => n == 0 ? 1 : n * Remote.Factorial(n - 1).Get(Bounds.Must);

    [RayRemote]
    public static long FactorialEven(int n)
    {
        Assert.Equal(0, n % 2);
        return n == 0 ? 1 : n * Remote.FactorialOdd(n - 1).Get(Bounds.Must);
    }

    [RayRemote]
    public static long FactorialOdd(int n)
    {
        Assert.Equal(1, n % 2);
        return n * Remote.FactorialEven(n - 1).Get(Bounds.Must);
    }

    [RayRemote]
    public static string ReturnAGreekChar() => "φ";

    [RayRemote]
    public static int ThrowExceptionFct2() => throw new InvalidOperationException("Test function 2 intentionally failed.");

    [RayRemote(NumReturns = 3)]
    public static (int, int, int) ThrowExceptionFct3(double x) => throw new InvalidOperationException("Test function 3 intentionally failed.");

    [RayRemote]
    public static int ThrowsCustom() => throw new CustomException("This function failed.");

    private static int NestedG() => 1;

    [Fact]
    public void test_nested_functions()
    {
        // Ports test_basic.py::test_nested_functions.
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal((1, 2), Remote.NestedF().Get(Bounds.Must));
    }

    [Fact]
    public void test_put_get()
    {
        // Ports test_basic.py::test_put_get.
        using var ray = TestRuntime.Start(cpus: 0);
        for (var i = 0; i < 100; i++)
        {
            long valueBefore = i * 1_000_000L;
            Assert.Equal(valueBefore, Ray.Put(valueBefore).Get(Bounds.Must));
        }

        for (var i = 0; i < 100; i++)
        {
            var valueBefore = i * 1e6;
            Assert.Equal(valueBefore, Ray.Put(valueBefore).Get(Bounds.Must));
        }

        for (var i = 0; i < 100; i++)
        {
            var valueBefore = new string('h', i);
            Assert.Equal(valueBefore, Ray.Put(valueBefore).Get(Bounds.Must));
        }

        for (var i = 0; i < 100; i++)
        {
            var valueBefore = Enumerable.Repeat(1, i).ToList();
            Assert.Equal(valueBefore, Ray.Put(valueBefore).Get(Bounds.Must));
        }
    }

    [Fact]
    public void test_defining_remote_functions()
    {
        // Ports test_basic.py::test_defining_remote_functions; redefining a function and closing over modules are
        // Python-specific and not ported.
        using var ray = TestRuntime.Start(cpus: 3);
        Assert.Equal(1, Remote.PlusOne(0).Get(Bounds.Must));
        Assert.Equal(2, Remote.PlusOne(1).Get(Bounds.Must));
        Assert.Equal(2, Remote.K2(1).Get(Bounds.Must));
        Assert.Equal(2, Remote.M(1).Get(Bounds.Must));
    }

    [Fact]
    public void test_submit_api()
    {
        // Ports test_basic.py::test_submit_api. Differs: the number of returns is declared ([RayRemote(NumReturns)]),
        // not chosen per call; an infeasible
        // task fails at once with TaskUnschedulableException where Ray waits forever (docs/runtime.md).
        using var ray = TestRuntime.Start(cpus: 2, gpus: 1, ("Custom", 1));
        Assert.Equal([0], Remote.RangeOf(1).Get(Bounds.Must));
        var (id1, id2) = Remote.RangeOf2();
        Assert.Equal([0, 1], Ray.Get<int>([id1, id2], Bounds.Must));
        var (r1, r2, r3) = Remote.RangeOf3();
        Assert.Equal([0, 1, 2], Ray.Get<int>([r1, r2, r3], Bounds.Must));

        var withGpu = Remote.WithOptions(new TaskOptions { NumCpus = 1, NumGpus = 1, Resources = new Dictionary<string, double> { ["Custom"] = 1 } });
        Assert.Equal([0], withGpu.GpuIds().Get(Bounds.Must));
        var infeasible = Remote.WithOptions(new TaskOptions { Resources = new Dictionary<string, double> { ["NonexistentCustom"] = 1 } }).GpuIds();
        Assert.Equal([], Remote.GpuIds().Get(Bounds.Must));
        Assert.Throws<TaskUnschedulableException>(() => infeasible.Get(Bounds.Must));

        var a = SubmitApiActor.Remote.WithOptions(new ActorOptions { NumGpus = 1, Resources = new Dictionary<string, double> { ["Custom"] = 1 } }).New(0, 1);
        Assert.Equal((0, 1, "test", 2), a.Method("test", 2).Get(Bounds.Must));
    }

    [Fact]
    public void test_many_fractional_resources()
    {
        // Ports test_basic.py::test_many_fractional_resources (seeded randomness; the check of the final available
        // resources is the same bounded 10 s poll).
        using var ray = TestRuntime.Start(cpus: 2, gpus: 2, ("Custom", 2));
        var random = new Random(19);
        double Draw() => random.NextDouble();
        static double Truncated(double amount) => (int)(amount * 10_000) / 10_000.0;
        var resultIds = new List<ObjectRef<bool>>();
        for (var i = 0; i < 100; i++)
        {
            var (rand1, rand2, rand3) = (Draw(), Draw(), Draw());
            resultIds.Add(Remote.WithOptions(new TaskOptions { NumCpus = rand1 }).MatchesAssigned(false, Set(("CPU", Truncated(rand1)))));
            resultIds.Add(Remote.WithOptions(new TaskOptions { NumGpus = rand1 }).MatchesAssigned(false, Set(("CPU", 1), ("GPU", Truncated(rand1)))));
            resultIds.Add(Remote.WithOptions(new TaskOptions { Resources = Set(("Custom", rand1)) }).MatchesAssigned(false, Set(("CPU", 1), ("Custom", Truncated(rand1)))));
            var all = new TaskOptions { NumCpus = rand1, NumGpus = rand2, Resources = Set(("Custom", rand3)) };
            var resourceSet = Set(("CPU", Truncated(rand1)), ("GPU", Truncated(rand2)), ("Custom", Truncated(rand3)));
            resultIds.Add(Remote.WithOptions(all).MatchesAssigned(false, resourceSet));
            resultIds.Add(Remote.WithOptions(all).MatchesAssigned(true, resourceSet));
        }

        Assert.All(Ray.Get(resultIds, Bounds.Must), Assert.True);

        var expected = Set(("CPU", 2), ("GPU", 2), ("Custom", 2));
        var clock = Stopwatch.StartNew();
        while (!SameResources(Ray.AvailableResources(), expected))
        {
            Assert.True(clock.Elapsed < Bounds.Must, "Did not get correct available resources.");
            System.Threading.Thread.Yield();
        }
    }

    [Fact]
    public void test_get_multiple()
    {
        // Ports test_basic.py::test_get_multiple.
        using var ray = TestRuntime.Start(cpus: 1);
        var objectIds = Enumerable.Range(0, 10).Select(i => Ray.Put(i)).ToList();
        Assert.Equal(Enumerable.Range(0, 10), Ray.Get(objectIds, Bounds.Must));

        var random = new Random(19);
        var indices = Enumerable.Range(0, 5).Select(_ => random.Next(0, 10)).ToList();
        indices.AddRange(indices.ToList());
        Assert.Equal(indices, Ray.Get(indices.Select(i => objectIds[i]), Bounds.Must));
    }

    [Fact]
    public void test_wait()
    {
        // Ports test_basic.py::test_wait. Differs: Ray's f(delay) sleeps; here the slow tasks wait on a signal and the
        // fast ones return at once, so which ones are ready is decided by handshakes, not by timing.
        using var ray = TestRuntime.Start(cpus: 4);
        var signal = SignalActor.Remote.New();
        var objectIds = new[] { Remote.WaitOn(signal.Wait()), Remote.PlusOne(0), Remote.PlusOne(0), Remote.PlusOne(0) };
        var (readyIds, remainingIds) = Ray.Wait(objectIds, timeout: Bounds.Must);
        Assert.Single(readyIds);
        Assert.Equal(3, remainingIds.Length);
        signal.Send(false).Get(Bounds.Must);
        (readyIds, remainingIds) = Ray.Wait(objectIds, numReturns: 4, timeout: Bounds.Must);
        Assert.Equal(objectIds.ToHashSet(), readyIds.ToHashSet());
        Assert.Empty(remainingIds);

        var signal2 = SignalActor.Remote.New();
        objectIds = [Remote.PlusOne(0), Remote.PlusOne(0), Remote.PlusOne(0), Remote.WaitOn(signal2.Wait())];
        Ray.Get(objectIds.Take(3), Bounds.Must);
        var clock = Stopwatch.StartNew();
        (readyIds, remainingIds) = Ray.Wait(objectIds, numReturns: 4, timeout: TimeSpan.FromSeconds(1.75));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.75) + Bounds.Slack); // Ray: < 2 s; the slack is for a loaded machine
        Assert.Equal(3, readyIds.Count);
        Assert.Single(remainingIds);
        signal2.Send(false).Get(Bounds.Must);

        var x = Ray.Put(1);
        Assert.ThrowsAny<ArgumentException>(() => Ray.Wait([x, x]));

        var (ready, remaining) = Ray.Wait(Array.Empty<ObjectRef<int>>());
        Assert.Empty(ready);
        Assert.Empty(remaining);

        var oids = Enumerable.Range(0, 10).Select(i => Ray.Put(i)).ToList();
        var (found, rest) = Ray.Wait(oids, numReturns: 2, timeout: Bounds.Must);
        Assert.Equal(2, found.Count);
        Assert.Equal(8, rest.Count);
    }

    [Fact]
    public void test_multiple_waits_and_gets()
    {
        // Ports test_basic.py::test_multiple_waits_and_gets (f's sleep is a signal).
        using var ray = TestRuntime.Start(cpus: 3);
        var signal = SignalActor.Remote.New();
        var x = Remote.WaitOn(signal.Wait());
        var waits = new[] { Remote.WaitInside(new[] { x }), Remote.WaitInside(new[] { x }) };
        signal.Send(false);
        Ray.Get(waits, Bounds.Must);

        var signal2 = SignalActor.Remote.New();
        x = Remote.WaitOn(signal2.Wait());
        var gets = new[] { Remote.GetInside(new[] { x }), Remote.GetInside(new[] { x }) };
        signal2.Send(false);
        Ray.Get(gets, Bounds.Must);
    }

    [Fact]
    public void test_multithreading()
    {
        // Ports test_basic.py::test_multithreading (driver and worker parts; the random 0-10 ms pauses are dropped).
        using var ray = TestRuntime.Start(cpus: 2);
        ApiInMultiThreads();
        Assert.Equal("ok", Remote.RunTestsInWorker().Get(Bounds.Must));
    }

    [Fact]
    public void test_max_calls_releases_resources()
    {
        // Ports test_basic.py::test_max_calls_releases_resources (max_calls, a worker-process limit, has no
        // in-process meaning; what is checked is that the GPU comes back, or the loop hangs).
        using var ray = TestRuntime.Start(cpus: 2, gpus: 1);
        for (var i = 0; i < 10; i++)
        {
            Remote.SpawnsZeroCpu().Get(Bounds.Must);
        }
    }

    [Fact]
    public void test_invalid_arguments()
    {
        // Ports test_basic.py::test_invalid_arguments: the value checks (type checks are the compiler's). Ray checks
        // at decoration; RaySharp checks options when a call or actor uses them.
        using var ray = TestRuntime.Start(cpus: 1, gpus: 1, ("custom_resource", 1));
        Assert.ThrowsAny<ArgumentException>(() => Remote.WithOptions(new TaskOptions { MaxRetries = -5 }).One());
        Assert.ThrowsAny<ArgumentException>(() => EchoActor.Remote.WithOptions(new ActorOptions { MaxRestarts = -5 }).New());
        Assert.ThrowsAny<ArgumentException>(() => EchoActor.Remote.WithOptions(new ActorOptions { MaxTaskRetries = -5 }).New());

        var gpu = Assert.ThrowsAny<ArgumentException>(() => Remote.WithOptions(new TaskOptions { NumGpus = 0.0000001 }).One());
        Assert.Contains("cannot go beyond 0.0001", gpu.Message);
        var custom = Assert.ThrowsAny<ArgumentException>(
            () => Remote.WithOptions(new TaskOptions { Resources = new Dictionary<string, double> { ["custom_resource"] = 0.0000001 } }).One());
        Assert.Contains("cannot go beyond 0.0001", custom.Message);
    }

    [Fact]
    public void test_wait_timing()
    {
        // Ports test_basic.py::test_wait_timing; f waits on a signal instead of sleeping 1 s, and the upper bound
        // is looser than Ray's 0.3 s (Bounds.Slack) because this suite runs beside other builds on two cores.
        using var ray = TestRuntime.Start(cpus: 2);
        var signal = SignalActor.Remote.New();
        var future = Remote.Sleeper(signal.Wait());

        var clock = Stopwatch.StartNew();
        var (ready, notReady) = Ray.Wait([future], timeout: TimeSpan.FromSeconds(0.2));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.2) + Bounds.Slack);
        Assert.Empty(ready);
        Assert.Single(notReady);
        signal.Send(false);
    }

    [Fact]
    public void test_ray_options()
    {
        // Ports test_basic.py::test_ray_options without its memory part: RaySharp has no memory resource yet
        // (known defect, issue 19), so the comparison of available memory is not made.
        using var ray = TestRuntime.Start(cpus: 10, gpus: 10, ("custom1", 2));
        Assert.True(Remote.SeesAvailable(new Dictionary<string, double> { ["CPU"] = 8, ["GPU"] = 7, ["custom1"] = 1 }).Get(Bounds.Must));
        var withOptions = new TaskOptions { NumCpus = 3, NumGpus = 4, Resources = new Dictionary<string, double> { ["custom1"] = 0.5 } };
        Assert.True(Remote.WithOptions(withOptions).SeesAvailable(new Dictionary<string, double> { ["CPU"] = 7, ["GPU"] = 6, ["custom1"] = 1.5 }).Get(Bounds.Must));
    }

    [Fact]
    public void test_recursive_remote_call()
    {
        // Ports test_basic.py::test_recursive_remote_call.
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal(1, Remote.Factorial(0).Get(Bounds.Must));
        Assert.Equal(1, Remote.Factorial(1).Get(Bounds.Must));
        Assert.Equal(2, Remote.Factorial(2).Get(Bounds.Must));
        Assert.Equal(6, Remote.Factorial(3).Get(Bounds.Must));
        Assert.Equal(24, Remote.Factorial(4).Get(Bounds.Must));
        Assert.Equal(120, Remote.Factorial(5).Get(Bounds.Must));
    }

    [Fact]
    public void test_mutually_recursive_functions()
    {
        // Ports test_basic.py::test_mutually_recursive_functions.
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal(24, Remote.FactorialEven(4).Get(Bounds.Must));
        Assert.Equal(120, Remote.FactorialOdd(5).Get(Bounds.Must));
    }

    [Fact]
    public void test_nonascii_in_function_body()
    {
        // Ports test_basic.py::test_nonascii_in_function_body.
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal("φ", Remote.ReturnAGreekChar().Get(Bounds.Must));
    }

    [Fact]
    public void test_failed_task()
    {
        // Ports test_basic.py::test_failed_task without its error-pubsub part (no driver error channel). Ray's
        // RayTaskError subclasses the user's exception type; here the user's exception is the InnerException.
        using var ray = TestRuntime.Start(cpus: 1);
        var x = Remote.ThrowExceptionFct2();
        var error = Assert.Throws<RayTaskException>(() => x.Get(Bounds.Must));
        Assert.Contains("Test function 2 intentionally failed.", error.ToString());

        var (r1, r2, r3) = Remote.ThrowExceptionFct3(1.0);
        foreach (var r in new[] { r1, r2, r3 })
        {
            var each = Assert.Throws<RayTaskException>(() => r.Get(Bounds.Must));
            Assert.Contains("Test function 3 intentionally failed.", each.ToString());
        }

        var custom = Assert.Throws<RayTaskException>(() => Remote.ThrowsCustom().Get(Bounds.Must));
        Assert.Contains("This function failed.", custom.ToString());
        var inner = Assert.IsType<CustomException>(custom.InnerException);
        Assert.IsAssignableFrom<ArgumentException>(inner);
        Assert.Equal(1, inner.Field);
        Assert.Equal(2, inner.F());
    }

    private static void ApiInMultiThreads()
    {
        RunInMultiThreads(() =>
        {
            var value = Random.Shared.Next(0, 1_000_000);
            Assert.Equal(value, Remote.Echo(value).Get(Bounds.Must));
        });

        var actor = EchoActor.Remote.New();
        RunInMultiThreads(() =>
        {
            var value = Random.Shared.Next(0, 1_000_000);
            Assert.Equal(value, actor.Echo(value).Get(Bounds.Must));
        });

        RunInMultiThreads(() =>
        {
            var value = Random.Shared.Next(0, 1_000_000);
            Assert.Equal(value, Ray.Put(value).Get(Bounds.Must));
        });

        var objects = Enumerable.Range(0, 10).Select(i => Remote.Echo(i)).ToList();
        RunInMultiThreads(
            () =>
            {
                var ready = Ray.Wait(objects, numReturns: objects.Count, timeout: Bounds.Must).Ready;
                Assert.Equal(objects.Count, ready.Count);
                Assert.Equal(Enumerable.Range(0, 10), Ray.Get(ready, Bounds.Must));
            },
            numRepeats: 1);
    }

    private static void RunInMultiThreads(Action testCase, int numThreads = 10, int numRepeats = 25)
    {
        var runtime = RayRuntime.Current;
        var threads = Enumerable.Range(0, numThreads).Select(_ => Task.Run(() =>
        {
            using var scope = runtime.MakeCurrent();
            for (var i = 0; i < numRepeats; i++)
            {
                testCase();
            }

            return "ok";
        })).ToArray();
        Assert.True(Task.WaitAll(threads, Bounds.Must), "A thread did not finish");
        Assert.All(threads, t => Assert.Equal("ok", t.Result));
    }

    /// <summary>test_failed_task's <c>CustomException(ValueError)</c>.</summary>
    public sealed class CustomException(string message) : ArgumentException(message)
    {
        public int Field { get; } = 1;

        public int F() => 2;
    }

    private static Dictionary<string, double> Set(params (string Name, double Amount)[] amounts) =>
        amounts.Where(a => a.Amount > 0).ToDictionary(a => a.Name, a => a.Amount);

    private static bool SameResources(IReadOnlyDictionary<string, double> actual, Dictionary<string, double> expected) =>
        expected.All(kv => actual.TryGetValue(kv.Key, out var value) && value == kv.Value)
        && actual.Where(kv => kv.Value > 0 && kv.Key != "memory").All(kv => expected.ContainsKey(kv.Key));
}
