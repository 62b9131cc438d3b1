using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0207: a <c>.Remote</c> call (or an actor method call) used as a statement, so its ref is dropped and an exception
/// the task throws is never seen. See <c>docs/diagnostics/RAY0207.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0207DiscardedRefAnalyzer : UsageAnalyzer
{
    /// <summary>The diagnostic id, for code fixes and suppressions.</summary>
    public const string Id = "RAY0207";

    /// <summary>The descriptor: info, because fire-and-forget is sometimes what is meant.</summary>
    public static readonly DiagnosticDescriptor Rule = Descriptors.UsageRule(
        Id,
        "Do not drop the ref of a remote call silently",
        "The ref returned by '{0}' is dropped, so an exception the remote call throws is never seen: assign it to a discard (_ = …) if fire-and-forget is intended, or keep the ref and Get or await it",
        DiagnosticSeverity.Info,
        "A remote call reports its failure through its ref: Get or await rethrows the task's exception. A call whose ref is thrown away fails silently. Writing '_ = …' states that this is intended; keeping the ref lets the caller see the error.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext start, RaySymbols symbols)
    {
        start.RegisterOperationAction(
            c =>
            {
                var statement = (IExpressionStatementOperation)c.Operation;
                if (statement.Operation is IInvocationOperation invocation && symbols.IsRemoteCall(invocation) &&
                    invocation.Syntax is InvocationExpressionSyntax syntax)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), syntax.Expression.ToString()));
                }
            },
            OperationKind.ExpressionStatement);
    }
}
