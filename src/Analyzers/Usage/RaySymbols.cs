using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// The RaySharp and BCL symbols the usage rules (RAY01xx, RAY02xx) look at, resolved once per compilation with
/// <c>GetTypeByMetadataName</c>. <see cref="TryCreate"/> returns null when RaySharp is not referenced,
/// so the rules stay silent in projects that do not use it.
/// </summary>
internal sealed class RaySymbols
{
    private const string GeneratorName = "RaySharp.Generators";

    private RaySymbols(Compilation compilation, INamedTypeSymbol ray, INamedTypeSymbol objectRef, INamedTypeSymbol objectRefOfT, INamedTypeSymbol rayRemoteAttribute)
    {
        Compilation = compilation;
        Ray = ray;
        ObjectRef = objectRef;
        ObjectRefOfT = objectRefOfT;
        RayRemoteAttribute = rayRemoteAttribute;
        ObjectRefGenerator = compilation.GetTypeByMetadataName("RaySharp.ObjectRefGenerator`1");
        ActorHandle = compilation.GetTypeByMetadataName("RaySharp.ActorHandle");
        RayRuntime = compilation.GetTypeByMetadataName("RaySharp.RayRuntime");
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        BlockingMembers = BlockingMemberTable.Resolve(compilation);
    }

    /// <summary>The compilation the symbols come from.</summary>
    public Compilation Compilation { get; }

    /// <summary><c>RaySharp.Ray</c>.</summary>
    public INamedTypeSymbol Ray { get; }

    /// <summary><c>RaySharp.ObjectRef</c>, the non-generic base of every ref.</summary>
    public INamedTypeSymbol ObjectRef { get; }

    /// <summary><c>RaySharp.ObjectRef&lt;T&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol ObjectRefOfT { get; }

    /// <summary><c>RaySharp.RayRemoteAttribute</c>.</summary>
    public INamedTypeSymbol RayRemoteAttribute { get; }

    /// <summary><c>RaySharp.ObjectRefGenerator&lt;T&gt;</c>, unconstructed, if present.</summary>
    public INamedTypeSymbol? ObjectRefGenerator { get; }

    /// <summary><c>RaySharp.ActorHandle</c>, if present.</summary>
    public INamedTypeSymbol? ActorHandle { get; }

    /// <summary><c>RaySharp.RayRuntime</c>, if present.</summary>
    public INamedTypeSymbol? RayRuntime { get; }

    /// <summary><c>System.CodeDom.Compiler.GeneratedCodeAttribute</c>, if present.</summary>
    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>The blocking members of <see cref="BlockingMemberTable"/> that exist in this compilation.</summary>
    public ImmutableArray<BlockingMember> BlockingMembers { get; }

    /// <summary>Resolves the symbols, or returns null when the compilation does not reference RaySharp.</summary>
    public static RaySymbols? TryCreate(Compilation compilation)
    {
        var ray = compilation.GetTypeByMetadataName("RaySharp.Ray");
        var objectRef = compilation.GetTypeByMetadataName("RaySharp.ObjectRef");
        var objectRefOfT = compilation.GetTypeByMetadataName("RaySharp.ObjectRef`1");
        var attribute = compilation.GetTypeByMetadataName("RaySharp.RayRemoteAttribute");
        return ray is null || objectRef is null || objectRefOfT is null || attribute is null
            ? null
            : new RaySymbols(compilation, ray, objectRef, objectRefOfT, attribute);
    }

    /// <summary>True for <c>ObjectRef</c>, any <c>ObjectRef&lt;T&gt;</c>, and types derived from them.</summary>
    public bool IsObjectRef(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ObjectRef) ||
                SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ObjectRefOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>ObjectRef&lt;T&gt;</c>, returning its <c>T</c>.</summary>
    public bool IsTypedObjectRef(ITypeSymbol? type, out ITypeSymbol valueType)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named &&
            SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ObjectRefOfT))
        {
            valueType = named.TypeArguments[0];
            return true;
        }

        valueType = null!;
        return false;
    }

    /// <summary>
    /// True when <paramref name="invocation"/> submits remote work: a method of a RaySharp-generated stub
    /// (<c>T.Remote.M(…)</c>, <c>handle.M(…)</c>) or <c>RayRuntime.Submit…</c>, returning a ref, a tuple of refs or a stream.
    /// Actor creation (<c>C.Remote.New(…)</c>) returns a handle and is not a remote call in this sense.
    /// </summary>
    public bool IsRemoteCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!ReturnsRefs(method.ReturnType))
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(method.ContainingType, RayRuntime) && method.Name.StartsWith("Submit", System.StringComparison.Ordinal)
            || IsGeneratedByRaySharp(method.ContainingType);
    }

    /// <summary>
    /// True when <paramref name="symbol"/> (a method, local function or lambda, or anything inside one) is remote code:
    /// the body of a <c>[RayRemote]</c> method, or of a method of a <c>[RayRemote]</c> class, including its lambdas and
    /// local functions.
    /// </summary>
    public bool IsInRemoteCode(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method)
            {
                return HasRayRemote(method) || (!method.IsStatic && method.ContainingType is { } type && HasRayRemote(type));
            }
        }

        return false;
    }

    /// <summary>The blocking member <paramref name="operation"/> calls or reads, if it is one (see <see cref="BlockingMemberTable"/>).</summary>
    public BlockingMember? FindBlockingMember(IOperation operation)
    {
        var (member, receiver) = operation switch
        {
            IInvocationOperation invocation => ((ISymbol?)invocation.TargetMethod.OriginalDefinition, invocation.Instance),
            IPropertyReferenceOperation property => (property.Property.OriginalDefinition, property.Instance),
            _ => (null, null),
        };
        if (member is null)
        {
            return null;
        }

        foreach (var blocking in BlockingMembers)
        {
            if (blocking.Matches(member) && (!blocking.Spec.OnlyOnRefAwaitable || IsRefAwaitable(receiver)))
            {
                return blocking;
            }
        }

        return null;
    }

    /// <summary>True for <c>Ray.Put(…)</c> or <c>RayRuntime.Put(…)</c>: a ref that is ready by construction.</summary>
    public bool IsPut(IOperation? operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: "Put" } method } &&
        (SymbolEqualityComparer.Default.Equals(method.ContainingType, Ray) || SymbolEqualityComparer.Default.Equals(method.ContainingType, RayRuntime));

    /// <summary>
    /// True when <paramref name="operation"/> is an awaitable that a ref gave: <c>r.GetAsync()</c>,
    /// <c>r.WhenReadyAsync()</c>, <c>r.GetAwaiter()</c>, <c>Ray.GetAsync(…)</c>, or <c>AsTask()</c>, <c>ConfigureAwait(…)</c>
    /// or <c>GetAwaiter()</c> of one of those. A task stored in a local first is not followed (precision before recall).
    /// </summary>
    public bool IsRefAwaitable(IOperation? operation)
    {
        if (BlockingGetSites.Unwrap(operation) is not IInvocationOperation invocation)
        {
            return false;
        }

        if (IsObjectRef(invocation.Instance?.Type))
        {
            return true;
        }

        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, Ray) && method.Name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return true;
        }

        return method.Name is "AsTask" or "ConfigureAwait" or "GetAwaiter" && IsRefAwaitable(invocation.Instance);
    }

    private bool HasRayRemote(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, RayRemoteAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReturnsRefs(ITypeSymbol type)
    {
        if (IsObjectRef(type))
        {
            return true;
        }

        if (type is INamedTypeSymbol named)
        {
            if (ObjectRefGenerator is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ObjectRefGenerator))
            {
                return true;
            }

            if (named.IsTupleType)
            {
                foreach (var element in named.TupleElements)
                {
                    if (!IsObjectRef(element.Type))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private bool IsGeneratedByRaySharp(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCodeAttribute) &&
                    attribute.ConstructorArguments.Length > 0 &&
                    attribute.ConstructorArguments[0].Value is GeneratorName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
