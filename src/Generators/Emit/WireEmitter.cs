using System.Linq;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>
/// The wire form of a task (<c>TaskWire.Of&lt;TResult, T1, …&gt;()</c>): how its calls travel to another node as bytes.
/// Only tasks whose arguments fit the runtime's <c>Args&lt;…&gt;</c> (at most three, no <c>params</c>) and which have
/// one result get one; the others run on the node that submits them. An <c>ObjectRef&lt;T&gt;</c> parameter travels as
/// a ref naming its owner's node, which the receiving node borrows.
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
}
