using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Backend;
using RaySharp.Objects;
using RaySharp.Objects.Waiting;

namespace RaySharp;

/// <summary>
/// The entry point, shaped like Ray's module API: <c>Init</c>, <c>Put</c>, <c>Get</c>, <c>Wait</c>,
/// <c>Cancel</c>, <c>GetRuntimeContext</c>. Remote calls themselves go through the generated <c>.Remote</c> stubs.
/// </summary>
public static partial class Ray
{
    private static readonly Lock s_initLock = new();
    private static RayRuntime? s_ambient;

    /// <summary>True while a runtime started by <see cref="Init"/> is running.</summary>
    public static bool IsInitialized => Ambient is not null;

    internal static RayRuntime? Ambient => Volatile.Read(ref s_ambient);

    /// <summary>Starts the ambient runtime that remote calls go to (Ray's <c>ray.init</c>).</summary>
    /// <param name="options">Resources and settings; null for the defaults.</param>
    /// <returns>The runtime started, or the running one when <see cref="RayOptions.IgnoreReinitError"/> is set.</returns>
    /// <exception cref="InvalidOperationException">A runtime is already running and reinitialization is not ignored.</exception>
    public static RayRuntime Init(RayOptions? options = null)
    {
        lock (s_initLock)
        {
            if (s_ambient is { } running)
            {
                return options?.IgnoreReinitError == true
                    ? running
                    : throw new InvalidOperationException(
                        "Ray.Init was already called and that runtime is still running. Call Ray.Shutdown() first, "
                        + "or pass new RayOptions { IgnoreReinitError = true } to keep using the running runtime.");
            }

            var address = options?.Address ?? Environment.GetEnvironmentVariable(Backends.AddressVariable);
            var runtime = string.IsNullOrWhiteSpace(address)
                ? new RayRuntime(options)
                : new RayRuntime(options, created => Backends.Join(created, address));
            Volatile.Write(ref s_ambient, runtime);
            return runtime;
        }
    }

    /// <summary>Stops the ambient runtime; its pending refs fail with <see cref="RuntimeShutdownException"/>. Does nothing when none runs.</summary>
    public static void Shutdown()
    {
        RayRuntime? runtime;
        lock (s_initLock)
        {
            runtime = s_ambient;
            Volatile.Write(ref s_ambient, null);
        }

        runtime?.Dispose();
    }

    /// <summary>Stores <paramref name="value"/> in the current runtime and returns a ref that is ready at once.</summary>
    /// <exception cref="InvalidOperationException">No runtime is running.</exception>
    /// <remarks>
    /// Ray's contract holds: what <c>Get</c> returns never changes because the caller later mutates the value. Immutable
    /// values (primitives, <c>string</c>, records with init-only members, immutable collections, <see cref="RayImmutableAttribute"/>
    /// types) are kept by reference; a <see cref="ReadOnlyMemory{T}"/> buffer is copied once and read zero-copy; mutable
    /// values are snapshotted and every <c>Get</c> returns a fresh copy. See <see cref="CompilerServices.ObjectSemantics"/>.
    /// </remarks>
    /// <exception cref="NotSupportedException">The type is mutable and no MessagePack formatter is known for it.</exception>
    public static ObjectRef<T> Put<T>(T value) => RayRuntime.Current.Put(value);

    /// <summary>
    /// Stores <paramref name="array"/> as a read-only buffer with no copy: the store takes ownership of the array, and every
    /// <c>Get</c> returns a <see cref="ReadOnlyMemory{T}"/> over it, in O(1) whatever its size.
    /// </summary>
    /// <remarks>The caller must not write to the array again, through any alias: readers would see the change. To keep
    /// using it, <see cref="Put{T}"/> a <see cref="ReadOnlyMemory{T}"/> over it instead, which costs one copy.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No runtime is running.</exception>
    public static ObjectRef<ReadOnlyMemory<T>> PutOwned<T>(T[] array)
        where T : unmanaged => RayRuntime.Current.PutOwned(array);

    /// <summary>Waits for one object and returns its value; see <see cref="ObjectRef{T}.Get"/>.</summary>
    public static T Get<T>(ObjectRef<T> reference, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Get(timeout);
    }

    /// <summary>Waits for every object and returns their values in input order.</summary>
    /// <param name="references">The refs to read.</param>
    /// <param name="timeout">The time for all of them together; null waits forever, zero only polls.</param>
    /// <exception cref="GetTimeoutException">Some object was not ready in time.</exception>
    /// <exception cref="RayTaskException">A task threw; the first failed ref in input order is reported.</exception>
    public static T[] Get<T>(IEnumerable<ObjectRef<T>> references, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(references);
        var refs = references as IReadOnlyList<ObjectRef<T>> ?? references.ToArray();
        var deadline = Timeouts.Deadline(Timeouts.Validate(timeout));
        var values = new T[refs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var reference = refs[i] ?? throw new ArgumentException($"Ray.Get got a null ref at position {i}.", nameof(references));
            if (!reference.IsReady)
            {
                BlockingWait.WaitForAll(refs, i, Timeouts.Remaining(deadline));
            }

            values[i] = reference.IsReady ? reference.ReadCompleted() : reference.Get(Timeouts.Remaining(deadline));
        }

        return values;
    }

    /// <summary>Waits for one object without holding a thread.</summary>
    public static ValueTask<T> GetAsync<T>(ObjectRef<T> reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.GetAsync(cancellationToken);
    }

    /// <summary>Waits for every object without holding a thread, and returns the values in input order.</summary>
    public static async Task<T[]> GetAsync<T>(IEnumerable<ObjectRef<T>> references, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        var refs = references.ToArray();
        var values = new T[refs.Length];
        for (var i = 0; i < refs.Length; i++)
        {
            values[i] = await refs[i].GetAsync(cancellationToken).ConfigureAwait(false);
        }

        return values;
    }

    /// <summary>
    /// Waits until <paramref name="numReturns"/> of the refs are ready or the timeout passes (Ray's <c>ray.wait</c>).
    /// </summary>
    /// <param name="references">Distinct refs, of one type or (as <see cref="ObjectRef"/>) mixed.</param>
    /// <param name="numReturns">How many ready refs to wait for, from 1 to the number of refs.</param>
    /// <param name="timeout">How long to wait; null waits forever, zero only polls.</param>
    /// <returns>Ready refs (at most <paramref name="numReturns"/>) and the rest, both in input order. Pass the rest back
    /// to the next <c>Wait</c>: draining n refs this way costs O(n log n) in total.</returns>
    /// <exception cref="ArgumentException">A ref appears twice, or <paramref name="numReturns"/> is out of range.</exception>
    public static WaitResult<TRef> Wait<TRef>(IReadOnlyList<TRef> references, int numReturns = 1, TimeSpan? timeout = null)
        where TRef : ObjectRef
    {
        ArgumentNullException.ThrowIfNull(references);
        var limit = Timeouts.Validate(timeout);
        return StartWait(references, numReturns) is { } set ? set.Take(numReturns, limit) : new WaitResult<TRef>([], []);
    }

    /// <summary>
    /// <see cref="Wait{TRef}(IReadOnlyList{TRef}, int, TimeSpan?)"/> without holding a thread: the same result, split and order, but the wait is a task
    /// that the refs complete. Inside an async task, the task's CPU is lent out while it waits, as with <c>await r</c>.
    /// </summary>
    /// <param name="references">Distinct refs, of one type or (as <see cref="ObjectRef"/>) mixed.</param>
    /// <param name="numReturns">How many ready refs to wait for, from 1 to the number of refs.</param>
    /// <param name="timeout">How long to wait; null waits forever, zero only polls (and completes at once).</param>
    /// <param name="cancellationToken">Stops waiting (the tasks are not cancelled; use <see cref="Cancel"/> for that).
    /// Nothing is taken from the refs then, so the same list can be waited on again.</param>
    /// <returns>Ready refs (at most <paramref name="numReturns"/>) and the rest, both in input order; when the timeout
    /// passes, what is ready by then. Await it once. Pass the rest back to the next <c>WaitAsync</c> or <c>Wait</c>.</returns>
    /// <exception cref="ArgumentException">A ref appears twice, or <paramref name="numReturns"/> is out of range (thrown at the call).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before enough refs were ready.</exception>
    public static ValueTask<WaitResult<TRef>> WaitAsync<TRef>(
        IReadOnlyList<TRef> references, int numReturns = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TRef : ObjectRef
    {
        ArgumentNullException.ThrowIfNull(references);
        var limit = Timeouts.Validate(timeout);
        return StartWait(references, numReturns) is { } set
            ? set.TakeAsync(numReturns, limit, cancellationToken)
            : new ValueTask<WaitResult<TRef>>(new WaitResult<TRef>([], []));
    }

    /// <summary>
    /// <see cref="Wait{TRef}(IReadOnlyList{TRef}, int, TimeSpan?)"/> for a list (and a collection expression): the rest
    /// comes back as a new list, so
    /// <c>(var ready, refs) = Ray.Wait(refs);</c> compiles with <c>refs</c> a <see cref="List{T}"/> and <c>refs.Add(next)</c>
    /// still works after it (Ray's limit-pending-tasks loop). Each call copies the rest, O(n).
    /// </summary>
    /// <inheritdoc cref="Wait{TRef}(IReadOnlyList{TRef}, int, TimeSpan?)" path="/param|/returns|/exception"/>
    [OverloadResolutionPriority(1)] // [a, b] binds here, not ambiguously between the list and array forms
    public static WaitResult<TRef, List<TRef>> Wait<TRef>(List<TRef> references, int numReturns = 1, TimeSpan? timeout = null)
        where TRef : ObjectRef =>
        CollectionWait.Copy(Wait(CollectionWait.Source<TRef>(references), numReturns, timeout), CollectionWait.ToList);

    /// <summary>
    /// <see cref="Wait{TRef}(IReadOnlyList{TRef}, int, TimeSpan?)"/> for an array: the rest comes back as a new
    /// array, so <c>(var ready, refs) = Ray.Wait(refs);</c> compiles with <c>refs</c> an
    /// <c>ObjectRef&lt;T&gt;[]</c>. Each call copies the rest, O(n).
    /// </summary>
    /// <inheritdoc cref="Wait{TRef}(IReadOnlyList{TRef}, int, TimeSpan?)" path="/param|/returns|/exception"/>
    public static WaitResult<TRef, TRef[]> Wait<TRef>(TRef[] references, int numReturns = 1, TimeSpan? timeout = null)
        where TRef : ObjectRef =>
        CollectionWait.Copy(Wait(CollectionWait.Source<TRef>(references), numReturns, timeout), CollectionWait.ToArray);

    /// <summary><see cref="Wait{TRef}(List{TRef}, int, TimeSpan?)"/> without holding a thread, as <see cref="WaitAsync{TRef}(IReadOnlyList{TRef}, int, TimeSpan?, CancellationToken)"/>.</summary>
    /// <inheritdoc cref="WaitAsync{TRef}(IReadOnlyList{TRef}, int, TimeSpan?, CancellationToken)" path="/param|/exception"/>
    /// <returns>Ready refs and the rest (a new list), in input order. Await it once.</returns>
    [OverloadResolutionPriority(1)]
    public static ValueTask<WaitResult<TRef, List<TRef>>> WaitAsync<TRef>(
        List<TRef> references, int numReturns = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TRef : ObjectRef =>
        CollectionWait.Copy(WaitAsync(CollectionWait.Source<TRef>(references), numReturns, timeout, cancellationToken), CollectionWait.ToList);

    /// <summary><see cref="Wait{TRef}(TRef[], int, TimeSpan?)"/> without holding a thread, as <see cref="WaitAsync{TRef}(IReadOnlyList{TRef}, int, TimeSpan?, CancellationToken)"/>.</summary>
    /// <inheritdoc cref="WaitAsync{TRef}(IReadOnlyList{TRef}, int, TimeSpan?, CancellationToken)" path="/param|/exception"/>
    /// <returns>Ready refs and the rest (a new array), in input order. Await it once.</returns>
    public static ValueTask<WaitResult<TRef, TRef[]>> WaitAsync<TRef>(
        TRef[] references, int numReturns = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TRef : ObjectRef =>
        CollectionWait.Copy(WaitAsync(CollectionWait.Source<TRef>(references), numReturns, timeout, cancellationToken), CollectionWait.ToArray);

    /// <summary>
    /// Waits on streaming generators (Ray's <c>ray.wait([gen])</c>): a generator is ready when a ref is yielded past
    /// its cursor (<see cref="ObjectRefGenerator{T}.IsNextReady"/>) or its task has ended. Take the ref with
    /// <see cref="ObjectRefGenerator{T}.TryNext"/>; it returns false for an ended one (<see cref="ObjectRefGenerator{T}.IsFinished"/>).
    /// </summary>
    /// <param name="generators">Distinct generators.</param>
    /// <param name="numReturns">How many ready generators to wait for, from 1 to the number of generators.</param>
    /// <param name="timeout">How long to wait; null waits forever, zero only polls.</param>
    /// <returns>Ready generators (at most <paramref name="numReturns"/>) and the rest, both in input order; the rest as a
    /// new list, to add a generator back to after taking its next ref.</returns>
    /// <exception cref="ArgumentException">A generator appears twice, or <paramref name="numReturns"/> is out of range.</exception>
    public static (IReadOnlyList<ObjectRefGenerator<T>> Ready, List<ObjectRefGenerator<T>> NotReady) Wait<T>(
        IReadOnlyList<ObjectRefGenerator<T>> generators, int numReturns = 1, TimeSpan? timeout = null)
    {
        var signals = GeneratorWait.Signals(generators);
        return GeneratorWait.Split(generators, signals, Wait((IReadOnlyList<ObjectRef>)signals, numReturns, timeout));
    }

    /// <summary><see cref="Wait{T}(IReadOnlyList{ObjectRefGenerator{T}}, int, TimeSpan?)"/> without holding a thread.</summary>
    /// <param name="generators">Distinct generators.</param>
    /// <param name="numReturns">How many ready generators to wait for, from 1 to the number of generators.</param>
    /// <param name="timeout">How long to wait; null waits forever, zero only polls.</param>
    /// <param name="cancellationToken">Stops waiting; nothing is taken from the generators.</param>
    /// <inheritdoc cref="Wait{T}(IReadOnlyList{ObjectRefGenerator{T}}, int, TimeSpan?)" path="/returns|/exception"/>
    public static ValueTask<(IReadOnlyList<ObjectRefGenerator<T>> Ready, List<ObjectRefGenerator<T>> NotReady)> WaitAsync<T>(
        IReadOnlyList<ObjectRefGenerator<T>> generators, int numReturns = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var signals = GeneratorWait.Signals(generators);
        return GeneratorWait.SplitAsync(generators, signals, WaitAsync((IReadOnlyList<ObjectRef>)signals, numReturns, timeout, cancellationToken));
    }

    /// <summary>Yields the refs as they finish, for <c>foreach</c> or <c>await foreach</c>.</summary>
    public static CompletionStream<TRef> AsCompleted<TRef>(IEnumerable<TRef> references)
        where TRef : ObjectRef => new(references);

    /// <summary>
    /// Cancels the task behind <paramref name="reference"/> (Ray's <c>ray.cancel</c>). A task that has not started never
    /// runs, and reading its ref throws <see cref="TaskCancelledException"/>. A running task sees its
    /// <see cref="CancellationToken"/> signalled, and every blocking RaySharp call in it (<c>Get</c>, <c>Ray.Wait</c>,
    /// <c>await</c> on a ref, queue gets, generator enumeration) throws <see cref="TaskCancelledException"/> at once,
    /// also when it is already blocked, as Ray interrupts the task; if the task stops by throwing
    /// <see cref="OperationCanceledException"/> its ref is cancelled, and so are the tasks that depend on it. A task that
    /// returns anyway keeps its result. A sync actor call is not interrupted (as in Ray): it can check
    /// <see cref="RuntimeContext.IsCancelled"/>, and its ref is cancelled even when it returns. An async actor call sees its token
    /// and its waits are interrupted. Cancelling a finished task does nothing.
    /// </summary>
    /// <param name="reference">The ref of the task's result.</param>
    /// <param name="force">Also fail the ref of a running task at once. In-process code cannot be killed: it keeps running until it returns, and its result is discarded.</param>
    /// <param name="recursive">Also cancel the tasks that this task submitted.</param>
    public static void Cancel(ObjectRef reference, bool force = false, bool recursive = true)
    {
        ArgumentNullException.ThrowIfNull(reference);
        reference.Producer?.Cancel(force, recursive);
    }

    /// <summary>
    /// Cancels the streaming task behind <paramref name="generator"/> (Ray's <c>ray.cancel</c> on an <c>ObjectRefGenerator</c>),
    /// as <see cref="Cancel(ObjectRef, bool, bool)"/> does: the stream stops, the refs it yielded keep their values, and the
    /// next item (or enumeration past the last) throws <see cref="TaskCancelledException"/>. A finished stream is unchanged.
    /// </summary>
    /// <param name="generator">The generator a streaming call returned.</param>
    /// <param name="force">Also fail the stream at once, while the task still runs.</param>
    /// <param name="recursive">Also cancel the tasks that the streaming task submitted.</param>
    public static void Cancel<T>(ObjectRefGenerator<T> generator, bool force = false, bool recursive = true)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Cancel(generator.Completion, force, recursive);
    }

    /// <summary>
    /// Finds the actor created with <see cref="ActorOptions.Name"/> = <paramref name="name"/> in the current runtime
    /// (Ray's <c>ray.get_actor(name, namespace=…)</c>).
    /// </summary>
    /// <typeparam name="THandle">The generated handle type of the actor's class.</typeparam>
    /// <param name="name">The actor's name.</param>
    /// <param name="namespace">The namespace to look in; null for the runtime's (<see cref="RayOptions.Namespace"/>).</param>
    /// <exception cref="ArgumentException">No actor has that name in that namespace, or it is of another class.</exception>
    public static THandle GetActor<THandle>(string name, string? @namespace = null)
        where THandle : ActorHandle, IActorHandle<THandle> => RayRuntime.Current.GetActor<THandle>(name, @namespace);

    /// <summary>
    /// Kills an actor (Ray's <c>ray.kill</c>). Its queued and future calls fail with <see cref="ActorDiedException"/>, and a
    /// running call's <see cref="CancellationToken"/> is signalled and its ref fails at once. With
    /// <paramref name="noRestart"/> false the actor restarts instead, while <see cref="ActorOptions.MaxRestarts"/> allows.
    /// </summary>
    /// <param name="actor">The actor's handle.</param>
    /// <param name="noRestart">True ends the actor for good.</param>
    public static void Kill(ActorHandle actor, bool noRestart = true)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Kill(noRestart);
    }

    /// <summary>
    /// Ends the calling actor gracefully (Ray's <c>exit_actor</c>): it is not restarted, it is disposed, and the calls
    /// queued behind this one fail with <see cref="ActorDiedException"/>. It works by throwing <see cref="ActorExitException"/>; let it propagate.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not called from inside an actor method.</exception>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void ExitActor()
    {
        if (GetRuntimeContext().ActorId is null)
        {
            throw new InvalidOperationException("Ray.ExitActor() ends the actor it is called from; call it inside an actor method.");
        }

        throw new ActorExitException();
    }

    /// <summary>Where the calling code runs: a task (id, resources, cancellation) or the driver.</summary>
    /// <exception cref="InvalidOperationException">No runtime is running.</exception>
    public static RuntimeContext GetRuntimeContext() =>
        RayRuntime.Current.Backend.CurrentContext() ?? RuntimeContext.Driver(RayRuntime.Current.Backend.NodeId);

    /// <summary>
    /// The numbers of the GPUs the calling task or actor holds (Ray's <c>get_gpu_ids()</c>), each in 0 to
    /// <see cref="RayOptions.NumGpus"/> − 1: a task or actor with <c>NumGpus = 2</c> holds two whole GPUs, and requests
    /// of at most one GPU that share a GPU (<c>NumGpus = 0.5</c>, say) see its one number. Empty without GPUs, and on the
    /// driver: Ray documents the call for tasks and actors only, and its driver holds no GPUs.
    /// </summary>
    /// <exception cref="InvalidOperationException">No runtime is running.</exception>
    public static IReadOnlyList<int> GetGpuIds() => GetRuntimeContext().GpuIds;

    /// <summary>All resources of the current runtime (Ray's <c>cluster_resources</c>).</summary>
    public static IReadOnlyDictionary<string, double> ClusterResources() => RayRuntime.Current.ClusterResources();

    /// <summary>The resources free now in the current runtime (Ray's <c>available_resources</c>).</summary>
    public static IReadOnlyDictionary<string, double> AvailableResources() => RayRuntime.Current.AvailableResources();

    /// <summary>Checks a wait's arguments and returns the set to take from: the one behind a latest not-ready list, else a new one; null for no refs.</summary>
    private static WaitSet<TRef>? StartWait<TRef>(IReadOnlyList<TRef> references, int numReturns)
        where TRef : ObjectRef
    {
        if (references.Count == 0)
        {
            return null;
        }

        if (numReturns < 1 || numReturns > references.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(numReturns), numReturns,
                $"numReturns must be between 1 and the number of refs ({references.Count}).");
        }

        return references is WaitView<TRef> { IsLatest: true } view ? view.Set : WaitSet<TRef>.Create(references);
    }

    internal static void OnDisposed(RayRuntime runtime) => Interlocked.CompareExchange(ref s_ambient, null, runtime);
}
