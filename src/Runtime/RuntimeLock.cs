// The one lock type of the runtime. `lock (x)` on a System.Threading.Lock compiles to Lock.EnterScope, which Coyote's
// rewriting (tests/Coyote) does not know, so its scheduler cannot pause or resume an operation waiting on one. The
// Coyote build of these sources (tests/Coyote/Runtime, which defines COYOTE) makes every runtime lock a Monitor lock
// on a plain object, which Coyote controls. Every other build, the package included, keeps System.Threading.Lock
// (tests/Runtime.Tests/RuntimeLockTests.cs checks it).
#if COYOTE
global using Lock = object;
#else
global using Lock = System.Threading.Lock;
#endif

namespace RaySharp;

#if COYOTE
/// <summary>The two <see cref="System.Threading.Lock"/> members the runtime calls, over <see cref="System.Threading.Monitor"/>.</summary>
internal static class MonitorLock
{
    public static bool TryEnter(this object gate) => System.Threading.Monitor.TryEnter(gate);

    public static void Exit(this object gate) => System.Threading.Monitor.Exit(gate);
}
#endif
