using MessagePack;
using RaySharp.CompilerServices;

namespace RaySharp.Wire;

/// <summary>
/// Writes a call's arguments as a MessagePack array of their values and reads them back as the same <c>Args&lt;…&gt;</c>.
/// A ref argument is written as its value (the sender waits until every top-level ref is ready before it writes), or,
/// with an <see cref="IObjectTransfer"/> and a value above its inline limit, as an <see cref="ObjectReference"/>.
/// </summary>
internal abstract class ArgsCodec
{
    /// <summary>The codec of a function without parameters.</summary>
    public static ArgsCodec None { get; } = new NoArgs();

    /// <summary>The number of parameters, which the array's length must match.</summary>
    protected abstract int Count { get; }

    /// <summary>Writes the values of <paramref name="args"/>, whose top-level refs are all ready.</summary>
    public abstract void Write(ref MessagePackWriter writer, TaskArgs args, MessagePackSerializerOptions options, IObjectTransfer? transfer = null);

    /// <summary>Reads arguments written by <see cref="Write"/>.</summary>
    /// <exception cref="MessagePackSerializationException">The bytes hold another number of arguments, or a value does not read.</exception>
    public abstract TaskArgs Read(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer = null);

    /// <summary>Reads the array header and checks that it holds <see cref="Count"/> values.</summary>
    protected void ReadHeader(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        if (count != Count)
        {
            throw new MessagePackSerializationException($"The task spec holds {count} arguments, but the function takes {Count}.");
        }
    }

    private sealed class NoArgs : ArgsCodec
    {
        protected override int Count => 0;

        public override void Write(ref MessagePackWriter writer, TaskArgs args, MessagePackSerializerOptions options, IObjectTransfer? transfer = null) =>
            writer.WriteArrayHeader(0);

        public override TaskArgs Read(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
        {
            ReadHeader(ref reader);
            return TaskArgs.None;
        }
    }
}

/// <summary>The codec of <see cref="Args{T1}"/>.</summary>
internal sealed class ArgsCodec<T1> : ArgsCodec
{
    public static ArgsCodec<T1> Instance { get; } = new();

    protected override int Count => 1;

    public override void Write(ref MessagePackWriter writer, TaskArgs args, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        var a = (Args<T1>)args;
        writer.WriteArrayHeader(1);
        WireArg.Write(ref writer, a.Arg1, options, transfer);
    }

    public override TaskArgs Read(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        ReadHeader(ref reader);
        return new Args<T1>(WireArg.Read<T1>(ref reader, options, transfer));
    }
}

/// <summary>The codec of <see cref="Args{T1, T2}"/>.</summary>
internal sealed class ArgsCodec<T1, T2> : ArgsCodec
{
    public static ArgsCodec<T1, T2> Instance { get; } = new();

    protected override int Count => 2;

    public override void Write(ref MessagePackWriter writer, TaskArgs args, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        var a = (Args<T1, T2>)args;
        writer.WriteArrayHeader(2);
        WireArg.Write(ref writer, a.Arg1, options, transfer);
        WireArg.Write(ref writer, a.Arg2, options, transfer);
    }

    public override TaskArgs Read(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        ReadHeader(ref reader);
        var arg1 = WireArg.Read<T1>(ref reader, options, transfer);
        return new Args<T1, T2>(arg1, WireArg.Read<T2>(ref reader, options, transfer));
    }
}

/// <summary>The codec of <see cref="Args{T1, T2, T3}"/>.</summary>
internal sealed class ArgsCodec<T1, T2, T3> : ArgsCodec
{
    public static ArgsCodec<T1, T2, T3> Instance { get; } = new();

    protected override int Count => 3;

    public override void Write(ref MessagePackWriter writer, TaskArgs args, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        var a = (Args<T1, T2, T3>)args;
        writer.WriteArrayHeader(3);
        WireArg.Write(ref writer, a.Arg1, options, transfer);
        WireArg.Write(ref writer, a.Arg2, options, transfer);
        WireArg.Write(ref writer, a.Arg3, options, transfer);
    }

    public override TaskArgs Read(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer = null)
    {
        ReadHeader(ref reader);
        var arg1 = WireArg.Read<T1>(ref reader, options, transfer);
        var arg2 = WireArg.Read<T2>(ref reader, options, transfer);
        return new Args<T1, T2, T3>(arg1, arg2, WireArg.Read<T3>(ref reader, options, transfer));
    }
}
