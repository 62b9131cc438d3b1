using System.Linq;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>
/// The wire form of a task (<c>TaskWire.Of&lt;TResult, T1, …&gt;()</c>): how its calls travel to another node as bytes.
/// Only tasks whose arguments fit the runtime's <c>Args&lt;…&gt;</c> (at most three, no <c>params</c>) and which have
/// one result get one; the others run on the node that submits them. An <c>ObjectRef&lt;T&gt;</c> parameter travels as
/// a ref naming its owner's node, which the receiving node borrows. An actor's constructor and methods follow the same
/// rules, so the actor can live on another node and its calls travel there.
/// </summary>
internal static class WireEmitter
{
    /// <summary>The <c>TaskWire</c> expression of <paramref name="method"/>, or null when its calls cannot travel yet.</summary>
    public static string? TaskWire(RemoteMethodModel method)
    {
        if (method.IsConstructor || method.IsStreaming || method.ResultTypes.Count > 1
            || method.Parameters.Count > ArgsEmitter.RuntimeArgsLimit
            || method.Parameters.Any(p => p.IsParams))
        {
            return null;
        }

        var types = new[] { method.ResultType }.Concat(method.Parameters.Select(p => p.Type));
        return Names.TaskWire + ".Of<" + string.Join(", ", types) + ">()";
    }

    /// <summary>
    /// The <c>TaskWire</c> expression of an actor's constructor (<c>TaskWire.OfActor&lt;Handle, T1, …&gt;()</c>, so the
    /// actor can be created on another node) or method (as a task's), or null when it cannot travel yet.
    /// </summary>
    /// <param name="method">The constructor or method.</param>
    /// <param name="handle">The qualified name of the actor's generated handle type.</param>
    public static string? ActorWire(RemoteMethodModel method, string handle)
    {
        if (!method.IsConstructor)
        {
            return TaskWire(method);
        }

        if (method.Parameters.Count > ArgsEmitter.RuntimeArgsLimit || method.Parameters.Any(p => p.IsParams || p.Shape == ParameterShape.PassRef))
        {
            return null;
        }

        var types = new[] { handle }.Concat(method.Parameters.Select(p => p.Type));
        return Names.TaskWire + ".OfActor<" + string.Join(", ", types) + ">()";
    }
}
