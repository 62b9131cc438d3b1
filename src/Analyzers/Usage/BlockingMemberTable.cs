using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// The members that block the calling thread until a ref is ready: the "blocking get" of the usage rules, kept as data
/// (after vs-threading's <c>CommonInterest.ProblematicSyncBlockingMethods</c>), so that adding one is a one-line change.
/// </summary>
internal static class BlockingMemberTable
{
    /// <summary>Every blocking member, by containing type's metadata name and member name.</summary>
    public static readonly ImmutableArray<BlockingMemberSpec> Specs = ImmutableArray.Create(
        // RaySharp's own blocking API: always a blocking get.
        new BlockingMemberSpec("RaySharp.Ray", "Get", BlockingKind.Get),
        new BlockingMemberSpec("RaySharp.Ray", "Wait", BlockingKind.Wait),
        new BlockingMemberSpec("RaySharp.ObjectRef`1", "Get", BlockingKind.Get),
        new BlockingMemberSpec("RaySharp.ObjectRef", "WaitReady", BlockingKind.Wait),
        new BlockingMemberSpec("RaySharp.ObjectRefAwaiter`1", "GetResult", BlockingKind.Get),
        new BlockingMemberSpec("RaySharp.ObjectRefAwaiter", "GetResult", BlockingKind.Wait),

        // The BCL's blocking members: a blocking get only on an awaitable that a ref gave (r.GetAsync().Result, …).
        new BlockingMemberSpec("System.Threading.Tasks.Task`1", "Result", BlockingKind.Get, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Threading.Tasks.ValueTask`1", "Result", BlockingKind.Get, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Threading.Tasks.Task", "Wait", BlockingKind.Wait, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Runtime.CompilerServices.TaskAwaiter`1", "GetResult", BlockingKind.Get, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Runtime.CompilerServices.TaskAwaiter", "GetResult", BlockingKind.Wait, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Runtime.CompilerServices.ValueTaskAwaiter`1", "GetResult", BlockingKind.Get, OnlyOnRefAwaitable: true),
        new BlockingMemberSpec("System.Runtime.CompilerServices.ValueTaskAwaiter", "GetResult", BlockingKind.Wait, OnlyOnRefAwaitable: true));

    /// <summary>The specs whose type exists in <paramref name="compilation"/>, with that type resolved.</summary>
    public static ImmutableArray<BlockingMember> Resolve(Compilation compilation)
    {
        var members = ImmutableArray.CreateBuilder<BlockingMember>(Specs.Length);
        foreach (var spec in Specs)
        {
            if (compilation.GetTypeByMetadataName(spec.TypeMetadataName) is { } type)
            {
                members.Add(new BlockingMember(spec, type));
            }
        }

        return members.ToImmutable();
    }
}

/// <summary>What a blocking member waits for.</summary>
internal enum BlockingKind
{
    /// <summary>Waits for a value and returns it (<c>Ray.Get</c>, <c>r.Get()</c>, <c>.Result</c>).</summary>
    Get,

    /// <summary>Waits for readiness only (<c>Ray.Wait</c>, <c>WaitReady</c>, <c>.Wait()</c>).</summary>
    Wait,
}

/// <summary>One row of <see cref="BlockingMemberTable"/>.</summary>
/// <param name="TypeMetadataName">The containing type, as <c>GetTypeByMetadataName</c> spells it.</param>
/// <param name="MemberName">The method or property name; every overload counts.</param>
/// <param name="Kind">Whether it returns the value or only waits.</param>
/// <param name="OnlyOnRefAwaitable">
/// True for BCL members that block only a rule's concern when their receiver came from a ref
/// (<c>r.GetAsync()</c>, <c>r.WhenReadyAsync()</c>, <c>Ray.GetAsync(refs)</c>, <c>r.GetAwaiter()</c>); see
/// <see cref="RaySymbols.IsRefAwaitable"/>.
/// </param>
internal sealed record BlockingMemberSpec(string TypeMetadataName, string MemberName, BlockingKind Kind, bool OnlyOnRefAwaitable = false);

/// <summary>A <see cref="BlockingMemberSpec"/> whose type exists in the compilation.</summary>
internal sealed class BlockingMember
{
    public BlockingMember(BlockingMemberSpec spec, INamedTypeSymbol type)
    {
        Spec = spec;
        Type = type;
    }

    /// <summary>The table row.</summary>
    public BlockingMemberSpec Spec { get; }

    /// <summary>The containing type, unconstructed.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>True when <paramref name="member"/> (an original definition) is this member or an overload of it.</summary>
    public bool Matches(ISymbol member) =>
        member.Name == Spec.MemberName && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, Type);
}
