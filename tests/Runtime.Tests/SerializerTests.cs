using System;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class SerializerTests
{
    [Fact]
    public void Built_in_shapes_round_trip()
    {
        Assert.Equal(42, RaySerializer.Deserialize<int>(RaySerializer.Serialize(42)));
        Assert.Equal("héllo", RaySerializer.Deserialize<string>(RaySerializer.Serialize("héllo")));
        Assert.Equal([1L, 2L, 3L], RaySerializer.Deserialize<long[]>(RaySerializer.Serialize(new[] { 1L, 2L, 3L })));
    }

    [Fact]
    public void A_type_without_a_formatter_is_named_with_the_fix()
    {
        var error = Assert.Throws<NotSupportedException>(() => RaySerializer.Serialize(new Unregistered()));

        Assert.Contains(typeof(Unregistered).FullName!, error.Message);
        Assert.Contains("[RayRemote]", error.Message);
        Assert.False(RaySerializer.CanSerialize<Unregistered>());
    }

    [Fact]
    public void Registered_resolvers_are_used()
    {
        RaySerializer.Register(new PointResolver());

        var point = RaySerializer.Deserialize<Point>(RaySerializer.Serialize(new Point(3, 4)));

        Assert.Equal(new Point(3, 4), point);
        Assert.True(RaySerializer.CanSerialize<Point>());
    }

    [Fact]
    public void Runtime_ids_and_unit_round_trip()
    {
        var actor = new ActorId(1, 2);

        Assert.Equal(actor, RaySerializer.Deserialize<ActorId>(RaySerializer.Serialize(actor)));
        Assert.Equal(new ObjectId(3, 4), RaySerializer.Deserialize<ObjectId>(RaySerializer.Serialize(new ObjectId(3, 4))));
        Assert.Equal(Unit.Value, RaySerializer.Deserialize<Unit>(RaySerializer.Serialize(Unit.Value)));
    }

    [Fact]
    public void An_actor_handle_reads_back_bound_to_its_actor()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(10);
        var formatter = new ActorHandleFormatter<CounterHandle>();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        formatter.Serialize(ref writer, counter, RaySerializer.Options);
        writer.Flush();

        var reader = new MessagePackReader(buffer.WrittenMemory);
        var copy = formatter.Deserialize(ref reader, RaySerializer.Options)!;

        Assert.Equal(counter, copy);
        Assert.Equal(11, copy.Increment(1).Get());
    }

    [Fact]
    public void Truncated_input_fails_with_a_serialization_error()
    {
        var bytes = RaySerializer.Serialize("a string long enough to cut");

        Assert.Throws<MessagePackSerializationException>(() => RaySerializer.Deserialize<string>(bytes.AsMemory(0, 5)));
    }

    private sealed class Unregistered;

    private sealed record Point(int X, int Y);

    private sealed class PointResolver : IFormatterResolver
    {
        public IMessagePackFormatter<T>? GetFormatter<T>() => typeof(T) == typeof(Point) ? (IMessagePackFormatter<T>)(object)new PointFormatter() : null;
    }

    private sealed class PointFormatter : IMessagePackFormatter<Point>
    {
        public void Serialize(ref MessagePackWriter writer, Point value, MessagePackSerializerOptions options)
        {
            writer.WriteArrayHeader(2);
            writer.Write(value.X);
            writer.Write(value.Y);
        }

        public Point Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            reader.ReadArrayHeader();
            return new Point(reader.ReadInt32(), reader.ReadInt32());
        }
    }
}
