using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0104: inside remote code, a blocking get on a parameter of type <c>ObjectRef&lt;T&gt;</c> of the remote method
/// (Ray's "ray.get on task arguments"). A parameter declared <c>T</c> takes the ref as well and is resolved before the
/// task runs, without holding a worker; see <c>docs/diagnostics/RAY0104.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0104GetOnRefParameterAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0104";

    /// <summary>The descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Take values, not refs, as remote method parameters",
        "Remote method '{0}' blocks on its parameter '{1}' of type ObjectRef<{2}>: declare the parameter as {2}, and the runtime resolves a ref passed for it before the task starts",
        DiagnosticSeverity.Warning,
        "A top-level ref passed to a remote call is resolved for free: the task is scheduled only once the value is ready, and receives the value. A parameter declared ObjectRef<T> opts out of that, so the task starts, takes a worker, and then blocks on the get, as ray.get on task arguments does in Ray.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                if (symbols.FindBlockingMember(c.Operation) is null || BlockingGetSites.PollsOnly(c.Operation) ||
                    BlockingGetSites.RefOperand(symbols, c.Operation) is not IParameterReferenceOperation { Parameter: var parameter } ||
                    !IsRemoteMethodParameter(symbols, parameter) ||
                    !symbols.IsTypedObjectRef(parameter.Type, out var valueType))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(
                    Rule,
                    c.Operation.Syntax.GetLocation(),
                    parameter.ContainingSymbol.ContainingType.Name + "." + parameter.ContainingSymbol.Name,
                    parameter.Name,
                    valueType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }

    /// <summary>A parameter of a remote method itself: a <c>[RayRemote]</c> static method, or an actor's public method.</summary>
    internal static bool IsRemoteMethodParameter(RaySymbols symbols, IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method &&
        (method.IsStatic || method.DeclaredAccessibility == Accessibility.Public) &&
        symbols.IsInRemoteCode(method);
}
