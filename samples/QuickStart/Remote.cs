using System.Threading.Tasks;
using RaySharp;
using RaySharp.Scheduling;

namespace QuickStart;

/// <summary>
/// The remote stubs and the invoker, written by hand on the low-level API: exactly what the source generator
/// will emit for <c>[RayRemote]</c> methods. A stub builds a task spec; the invoker is a typed switch on the id.
/// </summary>
internal sealed class Remote : IRemoteInvoker
{
    private static readonly Remote Invoker = new();
    private static readonly RemoteFunction GetRefDatumFunction = new(0x5EED_0000_0000_0001, "QuickStart.Tutorial.GetRefDatum", Invoker);
    private static readonly RemoteFunction GetRefDatum2Function = new(0x5EED_0000_0000_0002, "QuickStart.Tutorial.GetRefDatum2", Invoker);

    public static ObjectRef<Datum> GetRefDatum(Arg<int> id, Arg<string[]> referenceData, TaskOptions? options = null) =>
        RayRuntime.Current.Submit<Datum>(new TaskSpec(GetRefDatumFunction, new Args<int, string[]>(id, referenceData), options));

    public static ObjectRef<(Datum, Datum)> GetRefDatum2(Arg<Datum> datum, Arg<string[]> referenceData) =>
        RayRuntime.Current.Submit<(Datum, Datum)>(new TaskSpec(GetRefDatum2Function, new Args<Datum, string[]>(datum, referenceData)));

    public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation)
    {
        switch (function.Id)
        {
            case 0x5EED_0000_0000_0001:
            {
                var a = (Args<int, string[]>)args;
                return invocation.Return(Tutorial.GetRefDatum(a.Arg1.Value, a.Arg2.Value));
            }

            case 0x5EED_0000_0000_0002:
            {
                var a = (Args<Datum, string[]>)args;
                return invocation.Return(Tutorial.GetRefDatum2(a.Arg1.Value, a.Arg2.Value));
            }

            default:
                return ValueTask.FromException(new System.NotSupportedException($"No remote function with id {function.Id:x16}."));
        }
    }
}
