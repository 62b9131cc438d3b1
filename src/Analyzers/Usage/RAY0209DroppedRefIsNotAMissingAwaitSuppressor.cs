using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RaySharp.Analyzers.Usage;

/// <summary>
/// RAY0209: suppresses the compiler's CS4014 ("Because this call is not awaited, … consider applying the 'await'
/// operator") on a RaySharp call used as a statement in async code: a remote call, an actor call, or any call that
/// returns a ref. Awaiting would wait for the remote result, which is not what a dropped ref means; whether dropping
/// it is right is RAY0207's question, which names the fix (<c>_ = …</c>, or keep the ref). See <c>docs/diagnostics/RAY0209.md</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RAY0209DroppedRefIsNotAMissingAwaitSuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression id.</summary>
    public const string Id = "RAY0209";

    /// <summary>The suppression: CS4014 on RaySharp calls.</summary>
    public static readonly SuppressionDescriptor Rule = new(
        Id,
        "CS4014",
        "A RaySharp call returns a ref, not work to await: RAY0207 decides whether dropping the ref is right");

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        RaySymbols? symbols = null;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var model = context.GetSemanticModel(tree);
            symbols ??= RaySymbols.TryCreate(model.Compilation);
            if (symbols is null)
            {
                return;
            }

            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (model.GetOperation(node, context.CancellationToken) is IInvocationOperation invocation &&
                (symbols.IsRemoteCall(invocation) || symbols.IsObjectRef(invocation.Type)))
            {
                context.ReportSuppression(Suppression.Create(Rule, diagnostic));
            }
        }
    }
}
