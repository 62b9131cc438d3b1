using System;
using System.IO;
using System.Runtime.CompilerServices;
using RaySharp.Tests.Support;

namespace RaySharp.Tests.Store;

/// <summary>A test runtime with a small object store, its own spill parent directory, and GC helpers.</summary>
internal sealed class StoreRuntime : IDisposable
{
    private readonly TestRuntime _inner;

    private StoreRuntime(long capacity, long? spillMax, long inlineMax)
    {
        SpillParent = Path.Combine(Path.GetTempPath(), "raysharp-store-tests-" + Guid.NewGuid().ToString("n"));
        _inner = TestRuntime.Start(options: new RayOptions
        {
            NumCpus = 2,
            ObjectStoreMemory = capacity,
            ObjectSpillingMaxBytes = spillMax,
            ObjectSpillingDirectory = SpillParent,
            InlineObjectMaxBytes = inlineMax,
            EnableTaskEvents = true,
        });
    }

    public RayRuntime Runtime => _inner.Runtime;

    public string SpillParent { get; }

    public string SpillDirectory => Ray.State.Memory().SpillDirectory;

    public static StoreRuntime Start(long capacity, long? spillMax = null, long inlineMax = 0) => new(capacity, spillMax, inlineMax);

    public int SpillFileCount() => Directory.Exists(SpillDirectory) ? Directory.GetFiles(SpillDirectory).Length : 0;

    /// <summary>Full blocking collections, with finalizers (the store's leases) run in between.</summary>
    public static void CollectGarbage()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Puts a value and keeps nothing but a weak reference to it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WeakReference PutAndForget(int length)
    {
        var value = new byte[length];
        _ = Ray.PutOwned(value); // no copy: the weak reference watches the stored object
        return new WeakReference(value);
    }

    public void Dispose()
    {
        _inner.Dispose();
        try
        {
            Directory.Delete(SpillParent, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
