using System.Collections.Generic;
using System.Composition;
using System.Linq;
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

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0104's fix: declares the parameter as <c>T</c> instead of <c>ObjectRef&lt;T&gt;</c> and replaces each get of it
/// (<c>r.Get()</c>, <c>Ray.Get(r)</c>, <c>await r</c>, …) with the parameter itself. Offered only when every use of the
/// parameter is such a get; callers of the stub need no change, since a <c>T</c> parameter takes a ref as well.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0104TakeValueParameterCodeFix)), Shared]
public sealed class RAY0104TakeValueParameterCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0104TakeValueParameterCodeFix()
        : base(RAY0104GetOnRefParameterAnalyzer.Id, "TakeValue")
    {
    }

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (await FindAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not { Node: ExpressionSyntax, Operation: { } operation, Root: var root, Model: var model, Symbols: var symbols } ||
            BlockingGetSites.RefOperand(symbols, operation) is not IParameterReferenceOperation { Parameter: var parameter } ||
            !symbols.IsTypedObjectRef(parameter.Type, out var valueType) ||
            parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not ParameterSyntax { Type: { } typeSyntax } declaration ||
            declaration.Parent?.Parent is not BaseMethodDeclarationSyntax method ||
            GetReplacements(symbols, model, method, parameter, context.CancellationToken) is not { } gets)
        {
            return;
        }

        Offer(
            context,
            $"Declare '{parameter.Name}' as {valueType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}",
            _ =>
            {
                var generator = SyntaxGenerator.GetGenerator(context.Document);
                var newType = ((TypeSyntax)generator.TypeExpression(valueType))
                    .WithTriviaFrom(typeSyntax)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                var newRoot = root.ReplaceNodes(
                    gets.Append(typeSyntax),
                    (original, _) => original == typeSyntax
                        ? newType
                        : SyntaxFactory.IdentifierName(parameter.Name).WithTriviaFrom(original));
                return Task.FromResult(context.Document.WithSyntaxRoot(newRoot));
            });
    }

    /// <summary>
    /// The expressions to replace with the bare parameter: each get of it. Null when some use of the parameter is not a
    /// get, since that use needs the ref (passing it on, <c>IsReady</c>, …).
    /// </summary>
    private static List<ExpressionSyntax>? GetReplacements(RaySymbols symbols, SemanticModel model, BaseMethodDeclarationSyntax method, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var gets = new List<ExpressionSyntax>();
        foreach (var identifier in method.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != parameter.Name ||
                !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, parameter))
            {
                continue;
            }

            var get = EnclosingGet(symbols, model, identifier, cancellationToken);
            if (get is null)
            {
                return null;
            }

            gets.Add(get);
        }

        return gets.Count > 0 ? gets : null;
    }

    /// <summary>The get around a use of the parameter: a blocking get, or <c>await r</c> / <c>await r.GetAsync()</c>.</summary>
    private static ExpressionSyntax? EnclosingGet(RaySymbols symbols, SemanticModel model, IdentifierNameSyntax use, CancellationToken cancellationToken)
    {
        var depth = 0;
        for (SyntaxNode? current = use.Parent; current is ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax && depth < 6; current = current.Parent, depth++)
        {
            if (current is AwaitExpressionSyntax awaitExpression)
            {
                var awaited = BlockingGetSites.Unwrap(model.GetOperation(awaitExpression.Expression, cancellationToken));
                return awaited is IParameterReferenceOperation ||
                       awaited is IInvocationOperation { TargetMethod.Name: "GetAsync" } && BlockingGetSites.RefOperand(symbols, awaited) is IParameterReferenceOperation
                    ? awaitExpression
                    : null;
            }

            if (current is ExpressionSyntax expression && model.GetOperation(expression, cancellationToken) is { } operation &&
                symbols.FindBlockingMember(operation) is { Spec.Kind: BlockingKind.Get } &&
                BlockingGetSites.RefOperand(symbols, operation)?.Syntax == use)
            {
                return expression;
            }
        }

        return null;
    }
}
