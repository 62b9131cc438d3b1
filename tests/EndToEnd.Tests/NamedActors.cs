namespace RaySharp.EndToEnd.Tests;

// Ray's test_get_or_create_actor.py test_shared_actor: @ray.remote(name="x", namespace="test", get_if_exists=True).
[RayRemote(Name = "x", Namespace = "test", GetIfExists = true, Lifetime = ActorLifetime.Detached)]
public sealed partial class SharedActor
{
    private int _calls;

    public string Ping() => "ok";

    public int Calls() => ++_calls;
}
