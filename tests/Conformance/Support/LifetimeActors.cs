namespace RaySharp.Conformance.Support;

/// <summary>test_actor_lifetime.py's <c>OwnerActor</c>.</summary>
[RayRemote]
public sealed partial class OwnerActor
{
    private ChildActor.Handle? _childActor;

    public ChildActor.Handle CreateChildActor(ActorLifetime? childActorLifetime)
    {
        _childActor = childActorLifetime is null
            ? ChildActor.Remote.New()
            : ChildActor.Remote.WithOptions(new ActorOptions { Lifetime = childActorLifetime }).New();
        return _childActor.Ready().Get(Bounds.Must) == "ok" ? _childActor : throw new System.InvalidOperationException("the child is not ready");
    }

    public string Ready() => "ok";
}

/// <summary>test_actor_lifetime.py's <c>ChildActor</c>.</summary>
[RayRemote]
public sealed partial class ChildActor
{
    public string Ready() => "ok";
}
