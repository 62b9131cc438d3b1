using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

/// <summary>
/// Round trips through <c>RaySerializer</c>, which uses the resolver this assembly's generated code registered at
/// module initialization, then MessagePack's built-in formatters: no dynamic code anywhere.
/// </summary>
public sealed class SerializationTests
{
    [Fact]
    public void Every_supported_shape_round_trips()
    {
        var value = Sample();

        var copy = RoundTrip(value);

        Assert.Equal(value.Flag, copy.Flag);
        Assert.Equal(value.Byte, copy.Byte);
        Assert.Equal(value.Char, copy.Char);
        Assert.Equal(value.Long, copy.Long);
        Assert.Equal(value.Double, copy.Double);
        Assert.Equal(value.Decimal, copy.Decimal);
        Assert.Equal(value.Text, copy.Text);
        Assert.Equal(value.When, copy.When);
        Assert.Equal(value.WhenOffset, copy.WhenOffset);
        Assert.Equal(value.Span, copy.Span);
        Assert.Equal(value.Id, copy.Id);
        Assert.Equal(value.Link, copy.Link);
        Assert.Equal(value.Version, copy.Version);
        Assert.Equal(value.Big, copy.Big);
        Assert.Equal(value.MaybeInt, copy.MaybeInt);
        Assert.Equal(value.MaybeMoney, copy.MaybeMoney);
        Assert.Equal(value.Color, copy.Color);
        Assert.Equal(value.Access, copy.Access);
        Assert.Equal(value.Ints, copy.Ints);
        Assert.Equal(value.Lines, copy.Lines);
        Assert.Equal(value.Grid, copy.Grid);
        Assert.Equal(value.MoneyList, copy.MoneyList);
        Assert.Equal(value.Groups.Keys, copy.Groups.Keys);
        Assert.All(value.Groups, g => Assert.Equal(g.Value, copy.Groups[g.Key]));
        Assert.Equal(value.Colors, copy.Colors);
        Assert.Equal(value.Points, copy.Points);
        Assert.Equal(value.Words, copy.Words);
        Assert.Equal(value.CountByColor.OrderBy(p => p.Key), copy.CountByColor.OrderBy(p => p.Key));
        Assert.Equal(value.Pair, copy.Pair);
        Assert.Equal(value.ValueTuple, copy.ValueTuple);
        Assert.Equal(value.NamedTuple, copy.NamedTuple);
        Assert.Equal(value.RefTuple, copy.RefTuple);
        Assert.Equal(value.Bytes.ToArray(), copy.Bytes.ToArray());
        Assert.Equal(value.PointMemory.ToArray(), copy.PointMemory.ToArray());
        Assert.Equal(value.ImmutableInts.ToArray(), copy.ImmutableInts.ToArray());
        Assert.Equal(value.ImmutableLines, copy.ImmutableLines);
        Assert.Equal(value.ImmutableSet.Order(), copy.ImmutableSet.Order());
        Assert.Equal(value.ImmutableMap.OrderBy(p => p.Key), copy.ImmutableMap.OrderBy(p => p.Key));
        Assert.Equal(value.Settings.Name, copy.Settings.Name);
        Assert.Equal(value.Settings.Retries, copy.Settings.Retries);
        Assert.Equal(value.Settings.Color, copy.Settings.Color);
        Assert.Equal(value.Chain, copy.Chain);
    }

    [Fact]
    public void A_class_is_read_back_through_its_constructor_and_settable_members()
    {
        var order = new Order(7, [new Line("tea", 2, new Money(3.5m, "EUR"))]) { Note = "fragile" };

        var copy = RoundTrip(order);

        Assert.Equal(7, copy.Id);
        Assert.Equal(order.Lines, copy.Lines);
        Assert.Equal("fragile", copy.Note);
        Assert.Equal(1, copy.LineCount);
    }

    [Fact]
    public void Nulls_round_trip()
    {
        Assert.Null(RoundTrip<Order?>(null));
        Assert.Null(RoundTrip<(Money, Point)?>(null));
        Assert.Equal((new Money(1, "USD"), new Point { X = 1, Y = 2 }), RoundTrip<(Money, Point)?>((new Money(1, "USD"), new Point { X = 1, Y = 2 })));
        Assert.Null(RoundTrip(new Node(1, null)).Next);
    }

    [Fact]
    public void Types_in_signatures_are_known_to_the_serializer()
    {
        Assert.True(RaySerializer.CanSerialize<Everything>());
        Assert.True(RaySerializer.CanSerialize<Dictionary<string, List<Line>>>());
        Assert.True(RaySerializer.CanSerialize<ImmutableDictionary<string, Money>>());
        Assert.True(RaySerializer.CanSerialize<Color>());
    }

    [Fact]
    public void Truncated_input_fails_cleanly()
    {
        var bytes = RaySerializer.Serialize(Sample());

        Assert.ThrowsAny<Exception>(() => RaySerializer.Deserialize<Everything>(bytes.AsMemory(0, bytes.Length / 2)));
    }

    [Fact]
    public void Values_survive_a_remote_call()
    {
        using var ray = TestRuntime.Start();
        var groups = new Dictionary<string, List<Line>> { ["a"] = [new Line("x", 1, new Money(1, "EUR"))] };

        var copy = RoundTrip(Shapes.Remote.EchoGroups(groups).Get());

        Assert.Equal(groups["a"], copy["a"]);
    }

    private static T RoundTrip<T>(T value) => RaySerializer.Deserialize<T>(RaySerializer.Serialize(value));

    private static Everything Sample()
    {
        var line = new Line("tea", 2, new Money(3.5m, "EUR"));
        return new Everything(
            Flag: true,
            Byte: 200,
            Char: 'λ',
            Long: long.MinValue,
            Double: Math.PI,
            Decimal: 12345.6789m,
            Text: "héllo",
            When: new DateTime(2026, 11, 25, 19, 9, 3, DateTimeKind.Utc),
            WhenOffset: new DateTimeOffset(2026, 11, 25, 19, 9, 3, TimeSpan.FromHours(2)),
            Span: TimeSpan.FromMilliseconds(1234),
            Id: Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            Link: new Uri("https://example.org/a?b=c"),
            Version: new Version(1, 2, 3, 4),
            Big: BigInteger.Pow(3, 100),
            MaybeInt: 5,
            MaybeMoney: new Money(1, "USD"),
            Color: Color.Blue,
            Access: Access.Read | Access.Write,
            Ints: [1, 2, 3],
            Lines: [line, line with { Quantity = 3 }],
            Grid: new[,] { { 1, 2 }, { 3, 4 } },
            MoneyList: [new Money(1, "EUR"), new Money(2, "USD")],
            Groups: new Dictionary<string, List<Line>> { ["drinks"] = [line], ["empty"] = [] },
            Colors: [Color.Red, Color.Green],
            Points: [new Point { X = 1, Y = 2 }, new Point { X = 3, Y = 4 }],
            Words: ["Fast", "and", "Simple"],
            CountByColor: new Dictionary<Color, int> { [Color.Red] = 1, [Color.Blue] = 2 },
            Pair: new KeyValuePair<string, Money>("k", new Money(9, "GBP")),
            ValueTuple: (1, "one"),
            NamedTuple: (line, new Money(5, "CHF")),
            RefTuple: Tuple.Create(4, Color.Green),
            Bytes: new byte[] { 1, 2, 3 },
            PointMemory: new[] { new Point { X = 5, Y = 6 } },
            ImmutableInts: [7, 8, 9],
            ImmutableLines: [line],
            ImmutableSet: ["x", "y"],
            ImmutableMap: ImmutableDictionary<string, Money>.Empty.Add("m", new Money(1, "JPY")),
            Settings: new Settings { Name = "fast", Retries = 3, Color = Color.Green },
            Chain: new Node(1, new Node(2, new Node(3, null))));
    }
}
