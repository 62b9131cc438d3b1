using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>Two runtimes in one process keep their own thread budgets, running-task sets and serializers.</summary>
public sealed class RuntimeIsolationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public void Two_runtimes_running_at_once_keep_separate_running_sets_and_budgets()
    {
        using var gate = new Gate();
        using var one = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var two = new RayRuntime(new RayOptions { NumCpus = 2 });
        var started = new CountdownEvent(3);
        var blocked = Fn.Of(_ =>
        {
            started.Signal();
            gate.Pass();
            return Environment.CurrentManagedThreadId;
        });

        var inOne = Submit(one, blocked);
        var inTwo = new[] { Submit(two, blocked), Submit(two, blocked) };
        Assert.True(started.Wait(Limit), "the three tasks did not all start");

        var localOne = (LocalBackend)one.Backend;
        var localTwo = (LocalBackend)two.Backend;
        Assert.NotSame(localOne.Budget, localTwo.Budget);
        Assert.NotSame(localOne.Running, localTwo.Running);
        Assert.Single(localOne.Running.Snapshot(localOne));
        Assert.Equal(2, localTwo.Running.Snapshot(localTwo).Count);

        // Shutting one runtime down fails its running task only; the other's tasks finish with their values.
        one.Dispose();
        Assert.Throws<RuntimeShutdownException>(() => inOne.Get(Limit));
        gate.Open();
        Assert.All(inTwo, r => Assert.True(r.Get(Limit) > 0));
        Assert.Empty(localTwo.Running.Snapshot(localTwo));
    }

    [Fact]
    public async Task Each_runtime_serializes_with_its_own_resolvers()
    {
        using var withFormatter = new RayRuntime(new RayOptions { NumCpus = 1, FormatterResolvers = [new BagResolver()] });
        using var without = new RayRuntime(new RayOptions { NumCpus = 1 });
        var bag = new Bag { Items = [1, 2, 3] };

        // Both at once, on two threads, each with its own runtime current.
        var stored = Task.Run(() =>
        {
            using (withFormatter.MakeCurrent())
            {
                var reference = Ray.Put(bag);
                bag.Items.Add(4); // the store took a snapshot: the change does not reach it
                return reference.Get(Limit);
            }
        });
        var refused = Task.Run(() =>
        {
            using (without.MakeCurrent())
            {
                return Assert.Throws<NotSupportedException>(() => Ray.Put(new Bag { Items = [5] }));
            }
        });

        Assert.Equal([1, 2, 3], (await stored).Items);
        Assert.Contains("RayOptions.FormatterResolvers", (await refused).Message);

        // An explicit call on a runtime uses that runtime's serializer, whatever is current.
        using (without.MakeCurrent())
        {
            Assert.Equal([9], withFormatter.Put(new Bag { Items = [9] }).Get(Limit).Items);
            Assert.Throws<NotSupportedException>(() => without.Put(new Bag { Items = [9] }));
        }
    }

    [Fact]
    public void Null_formatter_resolvers_are_rejected_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { FormatterResolvers = null! }));
        Assert.Contains("leave it empty", error.Message);
    }

    private static ObjectRef<int> Submit(RayRuntime runtime, Fn<int> function) =>
        runtime.Submit<int>(new TaskSpec(function.Function, TaskArgs.None));

    /// <summary>A mutable type no generated formatter covers.</summary>
    private sealed class Bag
    {
        public List<int> Items { get; init; } = [];
    }

    private sealed class BagResolver : IFormatterResolver
    {
        public IMessagePackFormatter<T>? GetFormatter<T>() => typeof(T) == typeof(Bag) ? (IMessagePackFormatter<T>)(object)new BagFormatter() : null;
    }

    private sealed class BagFormatter : IMessagePackFormatter<Bag>
    {
        public void Serialize(ref MessagePackWriter writer, Bag value, MessagePackSerializerOptions options)
        {
            writer.WriteArrayHeader(value.Items.Count);
            foreach (var item in value.Items)
            {
                writer.Write(item);
            }
        }

        public Bag Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var count = reader.ReadArrayHeader();
            var bag = new Bag();
            for (var i = 0; i < count; i++)
            {
                bag.Items.Add(reader.ReadInt32());
            }

            return bag;
        }
    }
}
