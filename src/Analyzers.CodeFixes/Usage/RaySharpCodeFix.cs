using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// The common part of RaySharp's code fixes: one fixable id, the batch fixer unless a fix needs its own, one
/// <see cref="EquivalenceKey"/> format, and <see cref="FindAsync"/> for the flagged node and its operation.
/// </summary>
public abstract class RaySharpCodeFix : CodeFixProvider
{
    /// <summary>Creates the fix of <paramref name="id"/>, whose action is named <paramref name="action"/> (PascalCase).</summary>
    private protected RaySharpCodeFix(string id, string action)
    {
        FixableDiagnosticIds = ImmutableArray.Create(id);
        EquivalenceKey = EquivalenceKeyFor(id, action);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>The fix's equivalence key, <c>{id}.{Action}</c> (e.g. <c>RAY0207.AssignToDiscard</c>), the format of every RaySharp fix.</summary>
    public string EquivalenceKey { get; }

    /// <summary>The one equivalence-key format: the id, a dot, the action in PascalCase.</summary>
    public static string EquivalenceKeyFor(string id, string action) => id + "." + action;

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>Offers <paramref name="fix"/>, titled <paramref name="title"/>, for the context's first diagnostic.</summary>
    private protected void Offer(CodeFixContext context, string title, Func<CancellationToken, Task<Document>> fix) =>
        context.RegisterCodeFix(CodeAction.Create(title, fix, EquivalenceKey), context.Diagnostics[0]);

    /// <summary>
    /// The node at <paramref name="span"/> (innermost on a tie), its operation, and the document's root, semantic model
    /// and RaySharp symbols; null when the document has no tree or model or does not reference RaySharp.
    /// </summary>
    private protected static async Task<FixSite?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || RaySymbols.TryCreate(model.Compilation) is not { } symbols)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return new FixSite(root, model, symbols, node, model.GetOperation(node, cancellationToken));
    }
}
