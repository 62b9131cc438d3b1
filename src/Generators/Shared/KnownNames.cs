namespace RaySharp.Generators.Shared;

/// <summary>Metadata names of the types the generator and the analyzers look for.</summary>
internal static class KnownNames
{
    /// <summary>The marker attribute, <c>RaySharp.RayRemoteAttribute</c>.</summary>
    public const string RayRemoteAttribute = "RaySharp.RayRemoteAttribute";

    /// <summary>The attribute that declares an actor's concurrency group, <c>RaySharp.RayConcurrencyGroupAttribute</c>.</summary>
    public const string RayConcurrencyGroupAttribute = "RaySharp.RayConcurrencyGroupAttribute";

    public const string ObjectRefOfT = "RaySharp.ObjectRef`1";
    public const string ActorHandle = "RaySharp.ActorHandle";
    public const string Unit = "RaySharp.Unit";
    public const string ActorId = "RaySharp.ActorId";
    public const string RayQueueOfT = "RaySharp.Util.RayQueue`1";
    public const string ActorPoolOfT = "RaySharp.Util.ActorPool`1";
    public const string RaySerializer = "RaySharp.Serialization.RaySerializer";
    public const string ObjectSemantics = "RaySharp.CompilerServices.ObjectSemantics";
    public const string MessagePackFormatterOfT = "MessagePack.Formatters.IMessagePackFormatter`1";

    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string EnumerableOfT = "System.Collections.Generic.IEnumerable`1";
    public const string AsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable`1";

    public const string MessagePackObjectAttribute = "MessagePack.MessagePackObjectAttribute";
    public const string MessagePackFormatterAttribute = "MessagePack.MessagePackFormatterAttribute";
    public const string IgnoreMemberAttribute = "MessagePack.IgnoreMemberAttribute";
    public const string IgnoreDataMemberAttribute = "System.Runtime.Serialization.IgnoreDataMemberAttribute";
}
