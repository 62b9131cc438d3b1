using System.ComponentModel;
using System.Threading.Tasks;

namespace RaySharp.CompilerServices;

/// <summary>
/// Runs remote functions by id: generated code implements it as a typed switch on
/// <see cref="RemoteFunction.Id"/>, with no reflection. For generated code and the low-level API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRemoteInvoker
{
    /// <summary>Runs <paramref name="function"/> with <paramref name="args"/> and writes its result to <paramref name="invocation"/>.</summary>
    /// <param name="function">The function to run; its id selects the case.</param>
    /// <param name="args">The arguments, with every top-level ref already ready.</param>
    /// <param name="invocation">Where the result goes, and the task's cancellation token.</param>
    /// <returns>A task that completes when the function (and its result) is done.</returns>
    ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation);
}
