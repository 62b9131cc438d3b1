using System.Collections.Generic;
using System.Threading.Tasks;

namespace RaySharp.Conformance.Support;

/// <summary>test_runtime_context.py's actors.</summary>
[RayRemote(MaxRestarts = 10)]
public sealed partial class ReconstructionProbe
{
    private readonly bool _wasReconstructed;

    public ReconstructionProbe() => _wasReconstructed = Ray.GetRuntimeContext().WasCurrentActorReconstructed;

    public bool GetWasReconstructed() => _wasReconstructed;

    public bool UpdateWasReconstructed() => Ray.GetRuntimeContext().WasCurrentActorReconstructed;
}

/// <summary>test_runtime_context.py::test_current_actor's <c>Echo</c>.</summary>
[RayRemote]
public sealed partial class SelfCallingEcho
{
    public ObjectRef<string> Echo(string s) => ((Handle)Ray.GetRuntimeContext().CurrentActor!).Echo2(s);

    public string Echo2(string s) => s;
}

/// <summary>An actor that reports what the runtime context says inside its methods.</summary>
[RayRemote]
public sealed partial class ContextReporter
{
    public Dictionary<string, double> Check() => new(Ray.GetRuntimeContext().AssignedResources);

    public bool HasIds() => Ray.GetRuntimeContext() is { ActorId: not null, TaskId: not null };

    public string? Name() => Ray.GetRuntimeContext().ActorName;

    public string? GetTaskNameForActorTask() => Ray.GetRuntimeContext().TaskName;
}

/// <summary>test_get_task_name's async actor.</summary>
[RayRemote]
public sealed partial class AsyncContextReporter
{
    public async Task<string?> GetTaskNameForAsyncActorTask()
    {
        await Task.Yield();
        return Ray.GetRuntimeContext().TaskName;
    }
}
