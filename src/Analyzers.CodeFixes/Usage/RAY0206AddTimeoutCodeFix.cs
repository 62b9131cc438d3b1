using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using RaySharp.Analyzers.Usage;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0206's fix: adds <c>timeout: TimeSpan.FromSeconds(30)</c> to the call (or replaces an explicit <c>null</c>).
/// Thirty seconds is a placeholder: the title of the fix tells the user to choose the real bound.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0206AddTimeoutCodeFix)), Shared]
public sealed class RAY0206AddTimeoutCodeFix : RaySharpCodeFix
{
    /// <summary>The placeholder timeout, in seconds.</summary>
    public const int PlaceholderSeconds = 30;

    /// <summary>Creates the fix.</summary>
    public RAY0206AddTimeoutCodeFix()
        : base(RAY0206GetWithoutTimeoutAnalyzer.Id, "AddTimeout")
    {
    }

    /// <summary>
    /// Fix All edits each document once: every fix adds the same <c>using System;</c>, and the batch fixer would drop
    /// all but one of those equal edits, leaving the rest of the fixes for a second pass.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await AddTimeoutsAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Offer(
            context,
            $"Add a timeout ({PlaceholderSeconds} s: choose your bound)",
            cancellationToken => AddTimeoutsAsync(context.Document, ImmutableArray.Create(context.Diagnostics[0]), cancellationToken));
        return Task.CompletedTask;
    }

    private static async Task<Document> AddTimeoutsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName("System.TimeSpan") is not { } timeSpan)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var value = (ExpressionSyntax)generator.InvocationExpression(
            generator.MemberAccessExpression(
                generator.TypeExpression(timeSpan).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                "FromSeconds"),
            generator.LiteralExpression(PlaceholderSeconds));

        // Per flagged call: the position of its explicit null timeout, or -1 to add a named argument.
        var edits = new Dictionary<InvocationExpressionSyntax, int>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation &&
                model.GetOperation(invocation, cancellationToken) is { } operation &&
                BlockingGetSites.Argument(operation, "timeout") is { } timeout)
            {
                edits[invocation] = timeout.ArgumentKind == ArgumentKind.DefaultValue ? -1 : invocation.ArgumentList.Arguments.IndexOf((ArgumentSyntax)timeout.Syntax);
            }
        }

        // Applied to the rewritten node, so a flagged call nested in another's arguments keeps its own fix.
        return document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, rewritten) =>
        {
            var position = edits[original];
            return position < 0
                ? rewritten.AddArgumentListArguments(Argument(value).WithNameColon(NameColon("timeout")))
                : rewritten.ReplaceNode(rewritten.ArgumentList.Arguments[position].Expression, value.WithTriviaFrom(rewritten.ArgumentList.Arguments[position].Expression));
        }));
    }
}
