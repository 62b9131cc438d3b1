using System;
using System.Collections.Concurrent;
using System.Linq;

namespace RaySharp.Conformance.Support;

/// <summary>test_actor.py's small actors.</summary>
[RayRemote]
public sealed partial class Foo
{
    public int GetVal() => 3;
}

/// <summary>test_actor.py::test_remote_function_within_actor's <c>Actor</c>.</summary>
[RayRemote]
public sealed partial class RemoteFunctionUser
{
    private readonly int _x;
    private readonly int _y;
    private readonly ObjectRef<int>[] _objectRefs;
    private readonly int[] _values2;

    public RemoteFunctionUser(int x)
    {
        _x = x;
        _y = ActorFunctions.Val2;
        _objectRefs = Enumerable.Range(0, 5).Select(i => ActorFunctions.Remote.F(i)).ToArray();
        _values2 = Ray.Get(Enumerable.Range(0, 5).Select(i => ActorFunctions.Remote.F(i)), TimeSpan.FromSeconds(20));
    }

    public (int, int, ObjectRef<int>[], int[]) GetValues() => (_x, _y, _objectRefs, _values2);

    public ObjectRef<int>[] F() => Enumerable.Range(0, 5).Select(i => ActorFunctions.Remote.F(i)).ToArray();

    public int[] G() => Ray.Get(Enumerable.Range(0, 5).Select(i => ActorFunctions.Remote.G(i)), TimeSpan.FromSeconds(20));

    public int[] H(ObjectRef<int>[] objectRefs) => Ray.Get(objectRefs, TimeSpan.FromSeconds(20));
}

/// <summary>Remote functions test_actor.py's actors call.</summary>
public static partial class ActorFunctions
{
    public const int Val1 = 1;
    public const int Val2 = 2;

    [RayRemote]
    public static int F(int x) => Val1 + x;

    [RayRemote]
    public static int G(int x) => Remote.F(x).Get(TimeSpan.FromSeconds(20));
}

/// <summary>An actor holding one value (test_actor.py's <c>Actor1</c>/<c>Actor2</c> in several tests).</summary>
[RayRemote]
public sealed partial class ValueActor
{
    private readonly int _x;

    public ValueActor(int x) => _x = x;

    public int GetValue() => _x;
}

/// <summary>test_define_actor_within_actor's <c>Actor1</c>: creates another actor inside a method.</summary>
[RayRemote]
public sealed partial class ActorMaker
{
    private readonly int _x;
    private ValueActor.Handle? _actor2;

    public ActorMaker(int x) => _x = x;

    public (int, int) GetValues(int z)
    {
        _actor2 = ValueActor.Remote.New(z);
        return (_x, _actor2.GetValue().Get(TimeSpan.FromSeconds(20)));
    }
}

/// <summary>test_use_actor_within_actor's <c>Actor2</c>.</summary>
[RayRemote]
public sealed partial class ActorUser
{
    private readonly int _x;
    private readonly ValueActor.Handle _actor1;

    public ActorUser(int x, int y)
    {
        _x = x;
        _actor1 = ValueActor.Remote.New(y);
    }

    public (int, int) GetValues(int z) => (_x, _actor1.GetValue().Get(TimeSpan.FromSeconds(20)));
}

/// <summary>test_use_actor_twice's actors.</summary>
[RayRemote]
public sealed partial class IncActor
{
    private int _count;

    public int Inc() => ++_count;
}

/// <summary>Calls <see cref="IncActor"/> through a handle it receives.</summary>
[RayRemote]
public sealed partial class IncCaller
{
    public int Inc(IncActor.Handle handle) => handle.Inc().Get(TimeSpan.FromSeconds(20));
}

/// <summary>test_actor_init_error_propagated's actor.</summary>
[RayRemote]
public sealed partial class MaybeFailingActor
{
    public MaybeFailingActor(bool error)
    {
        if (error)
        {
            throw new InvalidOperationException("oops");
        }
    }

    public string Foo() => "OK";
}

/// <summary>test_no_args' actor.</summary>
[RayRemote]
public sealed partial class NoArgsActor
{
    public NoArgsActor()
    {
    }

    public void GetValues()
    {
    }
}

/// <summary>test_no_constructor's actor.</summary>
[RayRemote]
public sealed partial class NoConstructorActor
{
    public void GetValues()
    {
    }
}

/// <summary>test_custom_classes' plain class.</summary>
public sealed class CustomFoo
{
    public int X { get; set; }
}

/// <summary>test_custom_classes' actor.</summary>
[RayRemote]
public sealed partial class CustomClassActor
{
    private readonly CustomFoo _f1 = new() { X = 1 };
    private readonly CustomFoo _f2;

    public CustomClassActor(CustomFoo f2) => _f2 = f2;

    public (CustomFoo, CustomFoo) GetValues1() => (_f1, _f2);

    public (CustomFoo, CustomFoo, CustomFoo) GetValues2(CustomFoo f3) => (_f1, _f2, f3);
}

/// <summary>test_multiple_return_values' <c>Foo</c>.</summary>
[RayRemote]
public sealed partial class MultiReturnActor
{
    public int Method0() => 1;

    [RayRemote(NumReturns = 1)]
    public int Method1() => 1;

    [RayRemote(NumReturns = 2)]
    public (int, int) Method2() => (1, 2);

    [RayRemote(NumReturns = 3)]
    public (int, int, int) Method3() => (1, 2, 3);
}

/// <summary>test_define_actor's <c>Test</c>.</summary>
[RayRemote]
public sealed partial class AddingActor
{
    private readonly int _x;

    public AddingActor(int x) => _x = x;

    public int F(int y) => _x + y;
}

/// <summary>
/// An actor that records when it is disposed, RaySharp's stand-in for "the actor process exited"
/// (test_actor_deletion, test_distributed_actor_handle_deletion, test_atexit_handler).
/// </summary>
[RayRemote]
public sealed partial class DisposalProbe : IDisposable
{
    /// <summary>Keys of the probes that were disposed.</summary>
    public static readonly ConcurrentDictionary<string, bool> Disposed = new();

    private readonly string _key;

    public DisposalProbe(string key) => _key = key;

    public int Method() => 1;

    public void Ready()
    {
    }

    public void Exit() => Ray.ExitActor();

    public void Dispose() => Disposed[_key] = true;
}

/// <summary>test_multiple_actors' <c>Counter</c>.</summary>
[RayRemote]
public sealed partial class StartCounter
{
    private int _value;

    public StartCounter(int value) => _value = value;

    public int Increase() => ++_value;

    public void Reset() => _value = 0;
}

/// <summary>test_inherit_actor_from_class' plain base class.</summary>
public class FooBase
{
    public FooBase(int x) => X = x;

    protected int X { get; }

    public int F() => X;

    public int G(int y) => X + y;
}

/// <summary>test_inherit_actor_from_class' actor, derived from a plain class.</summary>
[RayRemote]
public sealed partial class DerivedActor : FooBase
{
    public DerivedActor(int x)
        : base(x)
    {
    }

    public int GetValue() => F();

    public new int G(int y) => base.G(y);
}

/// <summary>test_get_or_create_actor.py's <c>Actor</c>.</summary>
[RayRemote]
public sealed partial class PingActor
{
    public string Ping() => "ok";
}
