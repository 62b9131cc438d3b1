using System;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Util;

/// <summary>The handle and invoker of <see cref="QueueActor{T}"/>, written as the generator writes them for user actors.</summary>
internal sealed class QueueActorHandle<T> : ActorHandle, IActorHandle<QueueActorHandle<T>>
{
    private QueueActorHandle(ActorId id)
        : base(id)
    {
    }

    public static QueueActorHandle<T> FromId(ActorId id) => new(id);

    public static QueueActorHandle<T> New(int maxSize, ActorOptions? options) =>
        RayRuntime.Current.CreateActor<QueueActorHandle<T>>(Functions.New, new Args<int>(maxSize), options);

    public ObjectRef<int> Size() => Call<int>(new TaskSpec(Functions.Size, TaskArgs.None));

    public ObjectRef<bool> Put(T item, TimeSpan? timeout) => Call<bool>(new TaskSpec(Functions.Put, new Args<T, TimeSpan?>(item, timeout)));

    public ObjectRef<(bool Found, T Item)> Get(TimeSpan? timeout) => Call<(bool, T)>(new TaskSpec(Functions.Get, new Args<TimeSpan?>(timeout)));

    public ObjectRef<bool> PutBatch(T[] items) => Call<bool>(new TaskSpec(Functions.PutBatch, new Args<T[]>(items)));

    public ObjectRef<T[]?> GetBatch(int count) => Call<T[]?>(new TaskSpec(Functions.GetBatch, new Args<int>(count)));

    /// <summary>One set of functions per item type; ids hash the item type's name, so they are stable across processes.</summary>
    private sealed class Functions : IRemoteInvoker
    {
        private static readonly Functions Invoker = new();
        private static readonly string Prefix = "RaySharp.Util.RayQueue<" + typeof(T).FullName + ">.";

        public static readonly RemoteFunction New = Create("New", isAsync: true);
        public static readonly RemoteFunction Size = Create("Size");
        public static readonly RemoteFunction Put = Create("Put", isAsync: true);
        public static readonly RemoteFunction Get = Create("Get", isAsync: true);
        public static readonly RemoteFunction PutBatch = Create("PutBatch");
        public static readonly RemoteFunction GetBatch = Create("GetBatch");

        public ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation)
        {
            if (function == New)
            {
                return invocation.ReturnActor(new QueueActor<T>(((Args<int>)args).Arg1.Value));
            }

            var queue = (QueueActor<T>)invocation.Actor!;
            if (function == Size)
            {
                return invocation.Return(queue.Size());
            }

            if (function == Put)
            {
                var a = (Args<T, TimeSpan?>)args;
                return invocation.ReturnAsync(queue.PutAsync(a.Arg1.Value, a.Arg2.Value));
            }

            if (function == Get)
            {
                return invocation.ReturnAsync(queue.GetAsync(((Args<TimeSpan?>)args).Arg1.Value));
            }

            return function == PutBatch
                ? invocation.Return(queue.PutBatch(((Args<T[]>)args).Arg1.Value))
                : invocation.Return(queue.GetBatch(((Args<int>)args).Arg1.Value));
        }

        private static RemoteFunction Create(string method, bool isAsync = false) =>
            new(StableId.Of(Prefix + method), Prefix + method, Invoker, isAsync);
    }
}
