using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests.Observability;

/// <summary><c>Ray.Timeline</c> writes the Chrome trace event format (Ray's <c>ray timeline</c>), read back here with System.Text.Json.</summary>
public sealed class TimelineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_timeline_has_a_slice_per_task_and_call_and_an_arrow_from_each_task_to_those_it_submitted()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var leaf = Fn.Of<int, int>((x, _) => x + 1, name: "Timeline.Leaf");
        var root = Fn.Of(_ => Ray.Get(new[] { leaf.Remote(1), leaf.Remote(2) }).Sum(), name: "Timeline.Root").Remote();
        Assert.Equal(5, root.Get(Timeout));
        var counter = CounterHandle.New(0);
        Assert.Equal(3, counter.Increment(3).Get(Timeout));
        var path = Path.Combine(Path.GetTempPath(), $"raysharp-timeline-{Guid.NewGuid():N}.json");

        try
        {
            Ray.Timeline(path);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var events = document.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();

            var slices = events.Where(e => e.GetProperty("ph").GetString() == "X").ToList();
            Assert.Equal(["Tests.Counter.Increment", "Tests.Counter.New", "Timeline.Leaf", "Timeline.Leaf", "Timeline.Root"], slices.Select(Name).Order(StringComparer.Ordinal));
            Assert.Equal("actor_task", slices.Single(s => Name(s) == "Tests.Counter.Increment").GetProperty("cat").GetString());
            Assert.All(slices, s => Assert.True(s.GetProperty("dur").GetDouble() >= 0));
            Assert.All(slices, s => Assert.Equal("FINISHED", s.GetProperty("args").GetProperty("state").GetString()));

            var threadNames = events.Where(e => e.GetProperty("ph").GetString() == "M" && Name(e) == "thread_name").Select(e => e.GetProperty("tid").GetInt32()).ToHashSet();
            Assert.All(slices, s => Assert.Contains(s.GetProperty("tid").GetInt32(), threadNames));
            Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && Name(e) == "process_name");

            var rootSlice = slices.Single(s => Name(s) == "Timeline.Root");
            var starts = events.Where(e => e.GetProperty("ph").GetString() == "s").ToList();
            var finishes = events.Where(e => e.GetProperty("ph").GetString() == "f").ToDictionary(e => e.GetProperty("id").GetUInt64());
            Assert.Equal(2, starts.Count);
            foreach (var start in starts)
            {
                // The arrow leaves the root's slice (its row, inside its time span) and lands on a leaf's start.
                Assert.Equal(rootSlice.GetProperty("tid").GetInt32(), start.GetProperty("tid").GetInt32());
                Assert.InRange(start.GetProperty("ts").GetDouble(), rootSlice.GetProperty("ts").GetDouble(), rootSlice.GetProperty("ts").GetDouble() + rootSlice.GetProperty("dur").GetDouble());
                var finish = finishes[start.GetProperty("id").GetUInt64()];
                // Both leaves may start at one instant of the millisecond clock: the arrow lands on one of them.
                Assert.Contains(slices, s => Name(s) == "Timeline.Leaf" && s.GetProperty("ts").GetDouble() == finish.GetProperty("ts").GetDouble() && s.GetProperty("tid").GetInt32() == finish.GetProperty("tid").GetInt32());
                Assert.Equal("e", finish.GetProperty("bp").GetString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_running_task_ends_its_slice_at_the_time_of_the_call_and_says_so()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var gate = new Gate();
        using var started = new System.Threading.ManualResetEventSlim();
        var running = Fn.Of(ct =>
        {
            started.Set();
            return gate.Pass(ct);
        }, name: "Timeline.Running").Remote();
        Assert.True(started.Wait(Timeout));

        using var stream = new MemoryStream();
        ray.Runtime.WriteTimeline(stream);

        using var document = JsonDocument.Parse(stream.ToArray());
        var slice = Assert.Single(document.RootElement.GetProperty("traceEvents").EnumerateArray(), e => e.GetProperty("ph").GetString() == "X");
        Assert.Equal("RUNNING", slice.GetProperty("args").GetProperty("state").GetString());
        gate.Open();
        Assert.True(running.Get(Timeout));
    }

    [Fact]
    public void Timeline_needs_a_file_name()
    {
        using var ray = TestRuntime.Start();

        Assert.Throws<ArgumentException>(() => Ray.Timeline(" "));
        Assert.Throws<ArgumentNullException>(() => ray.Runtime.WriteTimeline(null!));
    }

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();
}
