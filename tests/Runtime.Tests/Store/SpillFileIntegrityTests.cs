using System;
using System.IO;
using System.Linq;
using System.Text;
using RaySharp.Objects.Store;
using Xunit;

namespace RaySharp.Tests.Store;

/// <summary>A spill file carries its length and a CRC-32C, so a file changed on disk is a clear error, never wrong data.</summary>
public sealed class SpillFileIntegrityTests
{
    private const int Size = 100_000;

    public enum Damage
    {
        FlipPayloadByte,
        FlipChecksumByte,
        CutOneByte,
        CutToThreeBytes,
        AppendOneByte,
        Empty,
    }

    [Fact]
    public void An_intact_spill_file_reads_back_and_its_size_is_the_payload_plus_the_trailer()
    {
        using var store = StoreRuntime.Start(capacity: Size * 3 / 2);
        var first = Ray.Put(StoreRuntime.Pattern(Size, 1));
        var second = Ray.Put(StoreRuntime.Pattern(Size, 2)); // spills the first
        var file = SpillFileOf(store, first);

        Assert.Equal(new FileInfo(file).Length, Ray.State.Objects().Single(o => o.Id == first.Id).SpilledBytes);
        Assert.Equal(StoreRuntime.Pattern(Size, 1), first.Get());
        Assert.Equal(StoreRuntime.Pattern(Size, 2), second.Get());
    }

    [Theory]
    [InlineData(Damage.FlipPayloadByte)]
    [InlineData(Damage.FlipChecksumByte)]
    [InlineData(Damage.CutOneByte)]
    [InlineData(Damage.CutToThreeBytes)]
    [InlineData(Damage.AppendOneByte)]
    [InlineData(Damage.Empty)]
    public void A_damaged_spill_file_fails_the_read_with_InvalidDataException_naming_it(Damage damage)
    {
        using var store = StoreRuntime.Start(capacity: Size * 3 / 2);
        var first = Ray.Put(StoreRuntime.Pattern(Size, 1));
        var second = Ray.Put(StoreRuntime.Pattern(Size, 2));
        var file = SpillFileOf(store, first);

        Harm(file, damage);

        var error = Assert.Throws<InvalidDataException>(() => first.Get());
        Assert.Contains(file, error.Message);
        Assert.Contains("corrupt", error.Message);
        Assert.Throws<InvalidDataException>(() => first.Get()); // still refused: never read as wrong data later
        Assert.Equal(StoreRuntime.Pattern(Size, 2), second.Get()); // the other objects are unharmed
    }

    [Fact]
    public void A_task_given_a_damaged_spilled_object_fails_with_the_integrity_error_inside()
    {
        using var store = StoreRuntime.Start(capacity: Size * 3 / 2);
        var first = Ray.Put(StoreRuntime.Pattern(Size, 1));
        _ = Ray.Put(StoreRuntime.Pattern(Size, 2));
        Harm(SpillFileOf(store, first), Damage.FlipPayloadByte);
        var length = Support.Fn.Of<byte[], int>((bytes, _) => bytes.Length);

        var error = Assert.Throws<RayTaskException>(() => length.Remote(first).Get(TimeSpan.FromSeconds(30)));

        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)] // the standard check value of CRC-32C (Castagnoli)
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void The_checksum_is_CRC_32C(string text, uint expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, SpillFileFormat.Crc32C(0, bytes));
        var split = bytes.Length / 3; // chained over pieces it is the same
        Assert.Equal(expected, SpillFileFormat.Crc32C(SpillFileFormat.Crc32C(0, bytes.AsSpan(0, split)), bytes.AsSpan(split)));
    }

    private static string SpillFileOf(StoreRuntime store, ObjectRef reference)
    {
        Assert.Equal(ObjectLocation.Spilled, Ray.State.Objects().Single(o => o.Id == reference.Id).Location);
        return Path.Combine(store.SpillDirectory, reference.Id + ".msgpack");
    }

    private static void Harm(string file, Damage damage)
    {
        var bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            Damage.FlipPayloadByte => Flip(bytes, bytes.Length / 2),
            Damage.FlipChecksumByte => Flip(bytes, bytes.Length - SpillFileFormat.TrailerBytes + 8),
            Damage.CutOneByte => bytes[..^1],
            Damage.CutToThreeBytes => bytes[..3],
            Damage.AppendOneByte => [.. bytes, 0],
            _ => [],
        };
        File.WriteAllBytes(file, bytes);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x10;
        return bytes;
    }
}
