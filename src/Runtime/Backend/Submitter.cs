using RaySharp.Actors;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Scheduling;

namespace RaySharp.Backend;

/// <summary>
/// The typed edge of the one submit path: makes the result entries and refs a caller expects (one, two or three
/// results, or a stream), then hands the spec and its untyped outputs to <see cref="IRayBackend.Submit"/>.
/// <see cref="RayRuntime"/> uses it for tasks and <see cref="ActorHandle"/> for actor calls.
/// </summary>
internal static class Submitter
{
    public static ObjectRef<T> One<T>(IRayBackend backend, TaskSpec spec, IActorEndpoint? actor)
    {
        var result = new ObjectEntry<T>(backend.NextObjectId());
        backend.Submit(spec, new TaskOutputs(result), actor);
        return result;
    }

    public static (ObjectRef<T1>, ObjectRef<T2>) Two<T1, T2>(IRayBackend backend, TaskSpec spec, IActorEndpoint? actor)
    {
        var first = new ObjectEntry<T1>(backend.NextObjectId());
        var second = new ObjectEntry<T2>(backend.NextObjectId());
        backend.Submit(spec, new TaskOutputs(first, new ExtraOutputs([second], null)), actor);
        return (first, second);
    }

    public static (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Three<T1, T2, T3>(IRayBackend backend, TaskSpec spec, IActorEndpoint? actor)
    {
        var first = new ObjectEntry<T1>(backend.NextObjectId());
        var second = new ObjectEntry<T2>(backend.NextObjectId());
        var third = new ObjectEntry<T3>(backend.NextObjectId());
        backend.Submit(spec, new TaskOutputs(first, new ExtraOutputs([second, third], null)), actor);
        return (first, second, third);
    }

    public static ObjectRefGenerator<T> Stream<T>(IRayBackend backend, TaskSpec spec, IActorEndpoint? actor)
    {
        var completion = new ObjectEntry<Unit>(backend.NextObjectId());
        var stream = new ObjectRefGenerator<T>(completion, backend.NextObjectId);
        backend.Submit(spec, new TaskOutputs(completion, new ExtraOutputs([], stream)), actor);
        return stream;
    }
}
