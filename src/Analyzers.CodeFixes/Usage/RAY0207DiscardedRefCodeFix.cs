using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>RAY0207: turns <c>h.M(…);</c> into <c>_ = h.M(…);</c>, stating that the ref is dropped on purpose.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0207DiscardedRefCodeFix)), Shared]
public sealed class RAY0207DiscardedRefCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0207DiscardedRefCodeFix()
        : base(RAY0207DiscardedRefAnalyzer.Id, "AssignToDiscard")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node ||
            node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
        {
            return;
        }

        // '_' declared as a variable in scope would turn the discard into an assignment to it.
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || !model.LookupSymbols(statement.SpanStart, name: "_").IsEmpty)
        {
            return;
        }

        Offer(context, "Assign the ref to a discard (_ = …)", ct => DiscardAsync(context.Document, statement, ct));
    }

    private static async Task<Document> DiscardAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var call = statement.Expression;
        var discarded = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName("_"),
                call.WithoutLeadingTrivia())
            .WithLeadingTrivia(call.GetLeadingTrivia());
        return document.WithSyntaxRoot(root!.ReplaceNode(call, discarded));
    }
}
