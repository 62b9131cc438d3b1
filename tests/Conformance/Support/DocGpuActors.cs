namespace RaySharp.Conformance.Support;

/// <summary>doc_code/gpus.py's <c>GPUActor</c>.</summary>
[RayRemote(NumGpus = 1)]
public sealed partial class GPUActor
{
    public int[] Ping() => [.. Ray.GetGpuIds()];
}

/// <summary>doc_code/gpus.py's <c>FractionalGPUActor</c>.</summary>
[RayRemote(NumGpus = 0.5)]
public sealed partial class FractionalGPUActor
{
    public int[] Ping() => [.. Ray.GetGpuIds()];
}

/// <summary>doc_code/actor_creator_failure.py's <c>Actor</c>.</summary>
[RayRemote(MaxRestarts = -1)]
public sealed partial class CreatorFailureActor
{
    public string Ping() => "hello";
}

/// <summary>doc_code/actor_creator_failure.py's <c>Parent</c>.</summary>
[RayRemote]
public sealed partial class CreatorFailureParent
{
    private CreatorFailureActor.Handle? _child;
    private CreatorFailureActor.Handle? _detachedActor;

    public (CreatorFailureActor.Handle Child, CreatorFailureActor.Handle Detached) GenerateActors()
    {
        _child = CreatorFailureActor.Remote.New();
        _detachedActor = CreatorFailureActor.Remote.WithOptions(new ActorOptions { Name = "actor", Lifetime = ActorLifetime.Detached }).New();
        return (_child, _detachedActor);
    }
}
