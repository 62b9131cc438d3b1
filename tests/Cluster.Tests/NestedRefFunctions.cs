using System;
using System.Collections.Generic;
using System.Linq;
using RaySharp;

namespace RaySharp.Cluster.Tests;

/// <summary>A value holding a ref, for refs nested in records.</summary>
public sealed record Wrapped(ObjectRef<byte[]> Data, string Label);

/// <summary>The remote functions of the nested-ref tests: refs inside lists and records cross nodes.</summary>
public static partial class NestedRefFunctions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The refs the last <see cref="Keep"/> task kept (a borrower holding them after its task ended).</summary>
    public static List<ObjectRef<byte[]>>? Kept { get; set; }

    [RayRemote]
    public static int SumNested(List<ObjectRef<int>> refs) => refs.Sum(r => r.Get(Timeout));

    [RayRemote]
    public static Digest SummarizeWrapped(Wrapped wrapped) => new(Digest.SumOf(wrapped.Data.Get(Timeout)), wrapped.Data.Get(Timeout).Length, wrapped.Label);

    [RayRemote]
    public static List<ObjectRef<int>> PutTens(int count) => Enumerable.Range(0, count).Select(i => Ray.Put(i * 10)).ToList();

    [RayRemote]
    public static int Keep(List<ObjectRef<byte[]>> refs)
    {
        Kept = refs;
        return refs.Count;
    }
}

/// <summary>A task whose parameter is a ref passed through, not its value.</summary>
public static partial class PassedRefFunctions
{
    [RayRemote]
    public static Placed ReadPassed(ObjectRef<int> passed) => new(passed.Get(TimeSpan.FromSeconds(30)), Ray.GetRuntimeContext().NodeId);
}
