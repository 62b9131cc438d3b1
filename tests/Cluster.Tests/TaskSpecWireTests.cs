using System;
using System.Collections.Generic;
using MessagePack;
using RaySharp.CompilerServices;
using RaySharp.Util;
using RaySharp.Wire;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>The byte form of a task spec, read back in the same process (as a node with the same build would).</summary>
public sealed class TaskSpecWireTests : IDisposable
{
    private readonly RayRuntime _runtime = new(new RayOptions { NumCpus = 1 });

    private MessagePackSerializerOptions Options => _runtime.Serializer.Options;

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public void Generated_functions_are_registered_when_the_module_loads()
    {
        Assert.True(RemoteFunction.TryFind(StableId.Of(RegistrationProbe.Signature), out var function));
        Assert.Equal("RaySharp.Cluster.Tests.RegistrationProbe.Untouched", function.Name);
        Assert.NotNull(function.Wire);
    }

    [Fact]
    public void A_spec_reads_back_as_the_same_function_arguments_and_options()
    {
        var options = new TaskOptions
        {
            NumCpus = 0.5,
            NumGpus = 0,
            Memory = 1024,
            Resources = new Dictionary<string, double> { ["special"] = 1 },
            MaxRetries = 2,
            RetryExceptions = RetryExceptions.All,
            Name = "named",
        };
        var spec = new TaskSpec(ClusterFunctions.RayInvoker.AddOne, new Args<Placed>(new Placed(41, "driver")), options);

        var read = TaskSpecWire.Read(TaskSpecWire.Write(spec, Options), Options);

        Assert.Same(ClusterFunctions.RayInvoker.AddOne, read.Function);
        Assert.Equal(new Placed(41, "driver"), Assert.IsType<Args<Placed>>(read.Args).Arg1.Value);
        var back = read.Options!;
        Assert.Equal((0.5, (double?)0, (long?)1024, 2, "named"), (back.NumCpus!.Value, back.NumGpus, back.Memory, back.MaxRetries!.Value, back.Name));
        Assert.Equal(options.Resources, back.Resources);
        Assert.Same(RetryExceptions.All, back.RetryExceptions);
    }

    [Fact]
    public void Specs_with_the_same_options_share_one_read_instance_and_other_options_read_apart()
    {
        var onNode2 = new TaskOptions { NumCpus = 0.01, Resources = new Dictionary<string, double> { ["node2"] = 0.01 } };
        var elsewhere = new TaskOptions { NumCpus = 0.01, Resources = new Dictionary<string, double> { ["node3"] = 0.01 } };
        TaskSpec Read(TaskOptions options, int x) =>
            TaskSpecWire.Read(TaskSpecWire.Write(new TaskSpec(ClusterFunctions.RayInvoker.AddOne, new Args<Placed>(new Placed(x, "driver")), options), Options), Options);

        var first = Read(onNode2, 1);
        var second = Read(onNode2, 2);
        var other = Read(elsewhere, 3);
        var again = Read(onNode2, 4);

        Assert.Same(first.Options, second.Options); // resolved once, not per spec
        Assert.NotSame(first.Options, other.Options);
        Assert.Equal(0.01, other.Options!.Resources!["node3"]);
        Assert.False(other.Options.Resources.ContainsKey("node2"));
        Assert.Equal(0.01, again.Options!.Resources!["node2"]);
        Assert.Equal(4, Assert.IsType<Args<Placed>>(again.Args).Arg1.Value.Value); // the arguments after cached options read right
    }

    [Fact]
    public void A_ready_ref_argument_travels_as_its_value_and_no_options_as_none()
    {
        var spec = new TaskSpec(ClusterFunctions.RayInvoker.Sum, new Args<int, int, int>(_runtime.Put(1), 20, _runtime.Put(300)));

        var read = TaskSpecWire.Read(TaskSpecWire.Write(spec, Options), Options);

        var args = Assert.IsType<Args<int, int, int>>(read.Args);
        Assert.Equal(0, args.DependencyCount);
        Assert.Equal((1, 20, 300), (args.Arg1.Value, args.Arg2.Value, args.Arg3.Value));
        Assert.Null(read.Options);
    }

    [Fact]
    public void An_id_this_process_does_not_know_fails_naming_the_id_and_the_function()
    {
        var unknown = RemoteFunction.Unregistered(0xFEDCBA9876543210UL, "Tests.NotHere", new NoInvoker(), TaskWire.Of<int, int>());
        var bytes = TaskSpecWire.Write(new TaskSpec(unknown, new Args<int>(1)), Options);

        var error = Assert.Throws<InvalidOperationException>(() => TaskSpecWire.Read(bytes, Options));

        Assert.Contains("fedcba9876543210", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Tests.NotHere'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_that_do_not_match_the_function_fail_to_read()
    {
        // A spec written for a one-parameter function but naming a three-parameter one: another build's signature.
        var impostor = RemoteFunction.Unregistered(ClusterFunctions.RayInvoker.Sum.Id, "Sum", new NoInvoker(), TaskWire.Of<int, int>());
        var bytes = TaskSpecWire.Write(new TaskSpec(impostor, new Args<int>(1)), Options);

        var error = Assert.Throws<MessagePackSerializationException>(() => TaskSpecWire.Read(bytes, Options));

        Assert.Contains("holds 1 arguments, but the function takes 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_call_retry_exception_types_keep_a_spec_from_travelling()
    {
        var plain = new TaskSpec(ClusterFunctions.RayInvoker.WhereAmI, TaskArgs.None);
        var typed = new TaskSpec(ClusterFunctions.RayInvoker.WhereAmI, TaskArgs.None, new TaskOptions { RetryExceptions = RetryExceptions.Of(typeof(TimeoutException)) });

        Assert.True(TaskSpecWire.CanTravel(plain));
        Assert.False(TaskSpecWire.CanTravel(typed));
        Assert.Throws<InvalidOperationException>(() => TaskSpecWire.Write(typed, Options));
    }

    [Fact]
    public void A_result_reads_back_into_the_callers_entry()
    {
        var wire = ClusterFunctions.RayInvoker.Square.Wire!;
        var produced = wire.Result.NewEntry(_runtime.Backend.NextObjectId());
        var caller = wire.Result.NewEntry(_runtime.Backend.NextObjectId());
        ((RaySharp.Objects.ObjectEntry<Placed>)produced).Stage(new Placed(49, "n2"));
        Assert.True(produced.TryPublishStaged());

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        wire.Result.Write(ref writer, produced, Options);
        writer.Flush();
        var reader = new MessagePackReader(buffer.WrittenMemory);

        Assert.True(wire.Result.TryPublish(caller, ref reader, Options));
        Assert.Equal(new Placed(49, "n2"), ((RaySharp.Objects.ObjectEntry<Placed>)caller).Value);
    }

    private sealed class NoInvoker : IRemoteInvoker
    {
        public System.Threading.Tasks.ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) =>
            throw new InvalidOperationException("never runs");
    }
}
