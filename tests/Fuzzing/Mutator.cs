using System;
using System.Collections.Generic;

namespace RaySharp.Fuzzing;

/// <summary>
/// Small random edits of a corpus input, for the in-process mode when no libFuzzer or AFL driver is at hand: bit flips,
/// byte inserts and deletes, MessagePack headers with huge lengths, cut-offs and splices of two inputs.
/// </summary>
public sealed class Mutator(int seed)
{
    // Headers that announce big payloads (str32, bin32, array32, map32, ext32) and the end of the format's range.
    private static readonly byte[] Interesting = [0xC1, 0xC4, 0xC5, 0xC6, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xC9, 0xD7, 0xD8, 0xFF, 0x7F, 0x80, 0x00];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        var bytes = new List<byte>(input);
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            Edit(bytes, corpus);
        }

        return [.. bytes];
    }

    private void Edit(List<byte> bytes, IReadOnlyList<byte[]> corpus)
    {
        var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(8))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[at] = (byte)_random.Next(256);
                break;
            case 2:
                bytes.Insert(at, (byte)_random.Next(256));
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveAt(at);
                break;
            case 4:
                // a header with a huge length: must be refused, never allocated
                bytes.InsertRange(at, [Interesting[_random.Next(Interesting.Length)], 0x7F, 0xFF, 0xFF, 0xFF]);
                break;
            case 5 when bytes.Count > 1:
                bytes.RemoveRange(at, bytes.Count - at); // cut short
                break;
            case 6:
                var other = corpus[_random.Next(corpus.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                bytes.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + _random.Next(32))).ToArray());
                break;
            default:
                if (bytes.Count > 0)
                {
                    bytes[at] = Interesting[_random.Next(Interesting.Length)];
                }

                break;
        }
    }
}
