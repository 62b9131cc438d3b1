using System.Threading.Tasks;
using RaySharp.Scheduling;

namespace RaySharp.Coyote;

/// <summary>
/// Routes the runtime's thread-pool work through <c>Task.Run</c>, which Coyote's rewriting turns into work its
/// scheduler controls; the thread pool's own queue it cannot see (it reports it as an uncontrolled invocation).
/// </summary>
internal static class ControlledWork
{
    public static void Install() => WorkQueue.Override = static item => Task.Run(item.Execute);
}
