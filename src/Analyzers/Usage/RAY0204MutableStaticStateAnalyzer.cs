using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0204: remote code reads or writes mutable static state of the user's own code: a static field that is not
/// <c>readonly</c> or <c>const</c>, a static property with a setter, or a mutation through a <c>static readonly</c>
/// array or collection. Each worker process has its own copy, and tasks in one process race on it (Ray's "using global
/// variables to share state"). See <c>docs/diagnostics/RAY0204.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0204MutableStaticStateAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0204";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Do not share state between remote calls through statics",
        "Remote code {1} the mutable static '{0}', which is not shared between worker processes and which concurrent tasks race on: move the state into an actor and call it through its handle",
        DiagnosticSeverity.Warning,
        "Tasks and actor calls run on many workers. A static field or property is one copy per process: in a cluster each worker sees its own, and in one process concurrent tasks race on it. State shared between remote calls belongs in an actor, whose calls run one at a time.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                if (symbols.IsInRemoteCode(c.ContainingSymbol) && Finding(c.Operation) is { } finding)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), finding.Member.Name, finding.Access));
                }
            },
            OperationKind.FieldReference,
            OperationKind.PropertyReference);
    }

    private static (ISymbol Member, string Access)? Finding(IOperation operation)
    {
        var member = operation switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (member is not { IsStatic: true } || !IsUserState(member) || InsideNameOf(operation))
        {
            return null;
        }

        var written = SymbolUses.IsWrite(operation) ? "writes" : "reads";
        switch (member)
        {
            case IFieldSymbol { IsConst: false, IsReadOnly: false }:
            case IPropertySymbol { SetMethod: { IsInitOnly: false } }:
                return (member, written);
            case IFieldSymbol { IsReadOnly: true } readOnly when IsMutatedThrough(operation, readOnly.Type):
                return (member, "changes");
            default:
                return null;
        }
    }

    /// <summary>State of the compilation's own source: not RaySharp's API, the BCL, or enum members.</summary>
    private static bool IsUserState(ISymbol member)
    {
        if (member.ContainingType is not { TypeKind: not TypeKind.Enum } type || member.Locations.Length == 0 || !member.Locations[0].IsInSource)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns != "RaySharp" && !ns.StartsWith("RaySharp.", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// True when a <c>static readonly</c> array or collection is changed here: an element assigned, or a mutating method
    /// (<see cref="MutatingMethods"/>) called on it. Immutable and concurrent collections are excluded: a concurrent
    /// collection is safe within one process, and its per-process copies are the same problem RAY0204 documents, but
    /// flagging its every use would be noise.
    /// </summary>
    private static bool IsMutatedThrough(IOperation reference, ITypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns.StartsWith("System.Collections.Immutable", System.StringComparison.Ordinal) ||
            ns.StartsWith("System.Collections.Concurrent", System.StringComparison.Ordinal))
        {
            return false;
        }

        return MutatingMethods.ChangesValue(reference);
    }

    private static bool InsideNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
