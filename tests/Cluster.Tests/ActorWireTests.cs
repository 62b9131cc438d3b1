using System;
using MessagePack;
using RaySharp.CompilerServices;
using RaySharp.Wire;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>The byte forms an actor travels in: its constructor's spec, its methods' specs, and its handle.</summary>
public sealed class ActorWireTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public void A_constructor_spec_reads_back_with_its_arguments_and_the_handle_type_to_make()
    {
        var options = cluster.Node1.Runtime.Serializer.Options;
        var spec = new TaskSpec(NodeCounter.RayInvoker.New, new Args<int>(7));

        var read = TaskSpecWire.Read(TaskSpecWire.Write(spec, options), options);

        Assert.Same(NodeCounter.RayInvoker.New, read.Function);
        Assert.Equal(7, Assert.IsType<Args<int>>(read.Args).Arg1.Value);
        Assert.Equal(typeof(NodeCounter.Handle), read.Function.Wire!.Actor!.Type);
        Assert.Null(NodeCounter.RayInvoker.Add.Wire!.Actor);
    }

    [Fact]
    public void Actor_functions_register_when_the_module_loads_with_their_wire_forms()
    {
        Assert.True(RemoteFunction.TryFind(NodeCounter.RayInvoker.Record.Id, out var record));
        Assert.NotNull(record.Wire);
        Assert.True(RemoteFunction.TryFind(KeyedLog.RayInvoker.New.Id, out _));
    }

    [Fact]
    public void A_handle_written_on_a_node_carries_the_node_hosting_the_actor_and_binds_to_it_on_the_other_node()
    {
        NodeCounter.Handle onNode2;
        byte[] bytes;
        using (cluster.Node2.Runtime.MakeCurrent())
        {
            onNode2 = NodeCounter.Remote.New(3);
            bytes = MessagePackSerializer.Serialize(onNode2, cluster.Node2.Runtime.Serializer.Options);
        }

        var reader = new MessagePackReader(bytes);
        Assert.Equal(3, reader.ReadArrayHeader());
        Assert.Equal(onNode2.Id.Owner, reader.ReadUInt64());
        Assert.Equal(onNode2.Id.Sequence, reader.ReadUInt64());
        Assert.Equal(cluster.Node2.NodeId, reader.ReadString());

        using (cluster.Node1.Runtime.MakeCurrent())
        {
            var read = MessagePackSerializer.Deserialize<NodeCounter.Handle>(bytes, cluster.Node1.Runtime.Serializer.Options);

            Assert.Equal(onNode2, read);
            Assert.Equal(cluster.Node2.NodeId, read.WhereAmI().Get(TimeSpan.FromSeconds(30)));
            Ray.Kill(read);
        }
    }

    [Fact]
    public void A_handle_written_by_a_runtime_of_its_own_is_its_actor_id_alone()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var _ = runtime.MakeCurrent();
        var counter = NodeCounter.Remote.New(0);

        var reader = new MessagePackReader(MessagePackSerializer.Serialize(counter, runtime.Serializer.Options));

        Assert.Equal(2, reader.ReadArrayHeader());
    }
}
