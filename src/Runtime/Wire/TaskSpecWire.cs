using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using MessagePack;
using RaySharp.CompilerServices;

namespace RaySharp.Wire;

/// <summary>
/// The byte form of a <see cref="TaskSpec"/>, for a node that runs it on behalf of another:
/// <c>[function id, function name, per-call options or nil, [argument values]]</c>. The receiver finds the function by
/// its stable id in the <see cref="RemoteFunction"/> registry, which generated code fills at module initialization, and
/// reads the arguments with the formatters of <see cref="RemoteFunction.Wire"/>: no reflection.
/// </summary>
internal static class TaskSpecWire
{
    private const int OptionFields = 7;

    /// <summary>The options <see cref="ReadOptionsCached"/> read last, with their bytes.</summary>
    private static LastOptions? s_lastOptions;

    /// <summary>
    /// True when <paramref name="spec"/> can be written: its function has a wire form, and its per-call options hold no
    /// <see cref="RetryExceptions"/> list of types (types do not travel; all or none does).
    /// </summary>
    public static bool CanTravel(in TaskSpec spec) =>
        spec.Function.Wire is not null && spec.Options?.RetryExceptions is not { Types.Count: > 0 };

    /// <summary>Writes <paramref name="spec"/>, whose top-level ref arguments are all ready; with <paramref name="transfer"/>, large ref arguments as references.</summary>
    /// <exception cref="InvalidOperationException">The spec cannot travel (see <see cref="CanTravel"/>).</exception>
    public static byte[] Write(in TaskSpec spec, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        var wire = spec.Function.Wire;
        if (wire is null || !CanTravel(spec))
        {
            throw new InvalidOperationException(
                $"Task '{spec.Function.Name}' cannot be sent to another node: its function has no wire form, or its per-call RetryExceptions lists types.");
        }

        var buffer = WireBuffer.Rent(); // a failed write drops it: the next write on this thread takes a new one
        var writer = new MessagePackWriter(buffer);
        using var scope = WireScope.Enter(transfer);
        writer.WriteArrayHeader(4);
        writer.Write(spec.Function.Id);
        writer.Write(spec.Function.Name);
        WriteOptions(ref writer, spec.Options);
        wire.Args.Write(ref writer, spec.Args, options, transfer);
        writer.Flush();
        return WireBuffer.ToArrayAndReturn(buffer);
    }

    /// <summary>Reads a spec written by <see cref="Write"/>; <paramref name="transfer"/> resolves the references in it.</summary>
    /// <exception cref="InvalidOperationException">No function with the spec's id is registered in this process, or it has no wire form.</exception>
    /// <exception cref="MessagePackSerializationException">The bytes are not a spec of that function.</exception>
    public static TaskSpec Read(ReadOnlyMemory<byte> bytes, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        var reader = new MessagePackReader(bytes);
        var count = reader.ReadArrayHeader();
        if (count != 4)
        {
            throw new MessagePackSerializationException($"A task spec is an array of 4 items, not {count}.");
        }

        var id = reader.ReadUInt64();
        var nameReader = reader; // the name is read only for an error: a string per spec costs the common case
        if (reader.NextMessagePackType is not (MessagePackType.String or MessagePackType.Nil))
        {
            throw new MessagePackSerializationException($"A task spec's second item is the function's name, not {reader.NextMessagePackType}.");
        }

        reader.Skip();
        if (!RemoteFunction.TryFind(id, out var function))
        {
            var name = nameReader.ReadString() ?? "?";
            throw new InvalidOperationException(
                $"No remote function with id {id.ToString("x16", CultureInfo.InvariantCulture)} ('{name}') is registered in this process, so it cannot run the task "
                + "another node sent. Run the same build of the application on every node: a [RayRemote] method's id is a hash of its signature.");
        }

        var wire = function.Wire
            ?? throw new InvalidOperationException(
                $"The remote function '{function.Name}' ({id.ToString("x16", CultureInfo.InvariantCulture)}) has no wire form in this process, so it cannot run "
                + "the task another node sent. Run the same build of the application on every node.");
        var taskOptions = ReadOptionsCached(bytes, ref reader);
        using var scope = WireScope.Enter(transfer);
        var args = wire.Args.Read(ref reader, options, transfer);
        return new TaskSpec(function, args, taskOptions);
    }

    private static void WriteOptions(ref MessagePackWriter writer, TaskOptions? options)
    {
        if (options is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(OptionFields);
        WriteNullable(ref writer, options.NumCpus);
        WriteNullable(ref writer, options.NumGpus);
        if (options.Memory is { } memory)
        {
            writer.Write(memory);
        }
        else
        {
            writer.WriteNil();
        }

        if (options.Resources is { } resources)
        {
            writer.WriteMapHeader(resources.Count);
            foreach (var (name, amount) in resources)
            {
                writer.Write(name);
                writer.Write(amount);
            }
        }
        else
        {
            writer.WriteNil();
        }

        if (options.MaxRetries is { } retries)
        {
            writer.Write(retries);
        }
        else
        {
            writer.WriteNil();
        }

        // 0: not set; 1: none; 2: all (CanTravel rules out a list of types).
        writer.Write(options.RetryExceptions is null ? 0 : ReferenceEquals(options.RetryExceptions, RetryExceptions.All) ? 2 : 1);
        writer.Write(options.Name);
    }

    /// <summary>
    /// Reads the options, or takes the instance read last when the same bytes come next (an options array is a whole
    /// MessagePack item, so no other item starts with it): a caller's specs repeat their options, and options read anew
    /// for every spec would be resolved (validated, turned into a resource request) anew, about 1 KB a spec.
    /// </summary>
    private static TaskOptions? ReadOptionsCached(ReadOnlyMemory<byte> bytes, ref MessagePackReader reader)
    {
        var start = (int)reader.Consumed;
        var last = s_lastOptions;
        if (last is not null && bytes.Span[start..].StartsWith(last.Bytes))
        {
            reader.ReadRaw(last.Bytes.Length);
            return last.Options;
        }

        var read = ReadOptions(ref reader);
        if (read is not null)
        {
            s_lastOptions = new LastOptions(bytes.Span[start..(int)reader.Consumed].ToArray(), read);
        }

        return read;
    }

    private sealed class LastOptions(byte[] bytes, TaskOptions options)
    {
        public byte[] Bytes { get; } = bytes;

        public TaskOptions Options { get; } = options;
    }

    private static TaskOptions? ReadOptions(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var count = reader.ReadArrayHeader();
        if (count != OptionFields)
        {
            throw new MessagePackSerializationException($"Task options are an array of {OptionFields} items, not {count}.");
        }

        var cpus = ReadNullableDouble(ref reader);
        var gpus = ReadNullableDouble(ref reader);
        long? memory = reader.TryReadNil() ? null : reader.ReadInt64();
        Dictionary<string, double>? resources = null;
        if (!reader.TryReadNil())
        {
            var entries = reader.ReadMapHeader();
            resources = new Dictionary<string, double>(entries);
            for (var i = 0; i < entries; i++)
            {
                var key = reader.ReadString() ?? throw new MessagePackSerializationException("A resource name is nil.");
                resources[key] = reader.ReadDouble();
            }
        }

        int? retries = reader.TryReadNil() ? null : reader.ReadInt32();
        var retry = reader.ReadInt32() switch
        {
            0 => null,
            2 => RetryExceptions.All,
            _ => RetryExceptions.None,
        };
        return new TaskOptions
        {
            NumCpus = cpus,
            NumGpus = gpus,
            Memory = memory,
            Resources = resources,
            MaxRetries = retries,
            RetryExceptions = retry,
            Name = reader.ReadString(),
        };
    }

    private static void WriteNullable(ref MessagePackWriter writer, double? value)
    {
        if (value is { } v)
        {
            writer.Write(v);
        }
        else
        {
            writer.WriteNil();
        }
    }

    private static double? ReadNullableDouble(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadDouble();
}
