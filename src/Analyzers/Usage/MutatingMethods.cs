using System.Collections.Immutable;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// Names of collection methods that change the collection they are called on (<c>Add</c>, <c>Clear</c>, <c>Sort</c>, …),
/// kept as data: RAY0204 flags them on <c>static readonly</c> collections in remote code, and RAY0202 does not hoist a
/// value that a loop changes this way.
/// </summary>
internal static class MutatingMethods
{
    /// <summary>The method names.</summary>
    public static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create(
        "Add", "AddRange", "AddFirst", "AddLast", "Clear", "Insert", "InsertRange", "Remove", "RemoveAll", "RemoveAt", "RemoveRange",
        "RemoveFirst", "RemoveLast", "RemoveWhere", "Push", "Pop", "Enqueue", "Dequeue", "Reverse", "Sort", "TryAdd", "TryRemove",
        "TryPop", "TryDequeue", "TryUpdate", "AddOrUpdate", "GetOrAdd", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith", "Fill", "Set");

    /// <summary>
    /// True when <paramref name="reference"/> (a read of a variable) is used to change the value it holds: an element
    /// assigned through it, or a mutating method called on it.
    /// </summary>
    public static bool ChangesValue(Microsoft.CodeAnalysis.IOperation reference) => reference.Parent switch
    {
        Microsoft.CodeAnalysis.Operations.IArrayElementReferenceOperation element => element.ArrayReference == reference && SymbolUses.IsWrite(element),
        Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance == reference && SymbolUses.IsWrite(indexer),
        Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation => invocation.Instance == reference && Names.Contains(invocation.TargetMethod.Name),
        _ => false,
    };
}
