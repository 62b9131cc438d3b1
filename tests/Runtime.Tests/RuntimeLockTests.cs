using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The runtime's lock type is an alias (src/Runtime/RuntimeLock.cs): a plain object only in the Coyote build of its
/// sources (tests/Coyote/Runtime). This build, the one packed and tested, must keep <see cref="Lock"/> everywhere.
/// </summary>
public sealed class RuntimeLockTests
{
    [Fact]
    public void The_runtime_locks_are_System_Threading_Lock_outside_the_Coyote_build()
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var locks = typeof(RayRuntime).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(all).Where(field => field.FieldType == typeof(Lock)).Select(field => $"{type.Name}.{field.Name}"))
            .ToHashSet();

        string[] expected = ["Ray.s_initLock", "Scheduler._lock", "ThreadBudget._lock", "ObjectStore.<Gate>k__BackingField", "LocalActor._sync", "RaySerializer.s_lock"];
        Assert.All(expected, name => Assert.Contains(name, locks));
        Assert.Null(typeof(RayRuntime).Assembly.GetType("RaySharp.MonitorLock")); // the Coyote build's Monitor helpers are not compiled in
    }
}
