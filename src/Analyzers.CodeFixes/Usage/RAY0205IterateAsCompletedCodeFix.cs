using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>RAY0205's fix: <c>foreach (var r in refs)</c> becomes <c>foreach (var r in Ray.AsCompleted(refs))</c>; the body stays.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0205IterateAsCompletedCodeFix)), Shared]
public sealed class RAY0205IterateAsCompletedCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0205IterateAsCompletedCodeFix()
        : base(RAY0205ResultsInSubmissionOrderAnalyzer.Id, "IterateAsCompleted")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FindAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not { Node: ExpressionSyntax collection, Root: var root, Symbols: var symbols })
        {
            return;
        }

        Offer(
            context,
            "Iterate over Ray.AsCompleted(…)",
            _ =>
            {
                var generator = SyntaxGenerator.GetGenerator(context.Document);
                var ray = generator.TypeExpression(symbols.Ray).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                var asCompleted = (ExpressionSyntax)generator.InvocationExpression(
                    generator.MemberAccessExpression(ray, "AsCompleted"),
                    collection.WithoutTrivia());
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(collection, asCompleted.WithTriviaFrom(collection))));
            });
    }
}
