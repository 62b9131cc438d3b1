using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>RAY0205's fix: <c>foreach (var r in refs)</c> becomes <c>foreach (var r in Ray.AsCompleted(refs))</c>; the body stays.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0205IterateAsCompletedCodeFix)), Shared]
public sealed class RAY0205IterateAsCompletedCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "RAY0205-as-completed";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RAY0205ResultsInSubmissionOrderAnalyzer.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || RaySymbols.TryCreate(model.Compilation) is not { } symbols ||
            root.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax collection)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Iterate over Ray.AsCompleted(…)",
                _ =>
                {
                    var generator = SyntaxGenerator.GetGenerator(context.Document);
                    var ray = generator.TypeExpression(symbols.Ray).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                    var asCompleted = (ExpressionSyntax)generator.InvocationExpression(
                        generator.MemberAccessExpression(ray, "AsCompleted"),
                        collection.WithoutTrivia());
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(collection, asCompleted.WithTriviaFrom(collection))));
                },
                EquivalenceKey),
            context.Diagnostics[0]);
    }
}
