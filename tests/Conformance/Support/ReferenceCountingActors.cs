namespace RaySharp.Conformance.Support;

/// <summary>test_reference_counting.py's <c>Actor</c> (test_basic_pinning, test_feature_flag): it holds a ref to an object it put (25 MiB in Ray).</summary>
[RayRemote]
public sealed partial class LargeObjectActor
{
    private readonly ObjectRef<byte[]> _largeObject;

    public LargeObjectActor(int size) => _largeObject = Ray.Put(new byte[size]);

    public void WaitForActorToStart()
    {
    }

    public byte[] GetLargeObject() => _largeObject.Get(Bounds.Must);
}

/// <summary>test_reference_counting.py::test_actor_holding_serialized_reference's <c>GreedyActor</c>.</summary>
[RayRemote]
public sealed partial class GreedyActor
{
    private ObjectRef<byte[]>[]? _ref1;
    private ObjectRef<byte[]>[]? _ref2;

    public void SetRef1(ObjectRef<byte[]>[] reference) => _ref1 = reference;

    public void AddRef2(ObjectRef<byte[]>[] newRef) => _ref2 = newRef;

    public void DeleteRef1() => _ref1 = null;

    public void DeleteRef2() => _ref2 = null;

    /// <summary>How many of the two refs the actor holds (not in Ray; keeps the fields read).</summary>
    public int Held() => (_ref1 is null ? 0 : 1) + (_ref2 is null ? 0 : 1);
}

/// <summary>test_reference_counting.py::test_worker_holding_serialized_reference's <c>Submitter</c>.</summary>
[RayRemote]
public sealed partial class Submitter
{
    /// <summary>Submits <c>child</c> with the ref inside <paramref name="reference"/> as its argument, and returns its ref.</summary>
    public ObjectRef<int> LaunchPendingTask(ObjectRef<byte[]>[] reference, SignalActor.Handle signal, bool failure) =>
        TestReferenceCounting.Remote.Child(reference[0], signal.Wait(), failure);
}

/// <summary>test_reference_counting.py::test_recursive_serialized_reference's return value: the next call's ref, or none at the end (Ray's <c>None</c>).</summary>
public sealed record ChainLink(ObjectRef<ChainLink>? Next);
