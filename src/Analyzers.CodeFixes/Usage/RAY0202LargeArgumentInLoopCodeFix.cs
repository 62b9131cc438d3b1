using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>
/// RAY0202: inserts <c>var xRef = Ray.Put(x);</c> before the loop and passes <c>xRef</c> wherever the loop passes
/// <c>x</c> by value to a remote call. The analyzer supplies the loop statement and every such place as additional
/// locations, so all fixes for one value and loop make the same change.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAY0202LargeArgumentInLoopCodeFix)), Shared]
public sealed class RAY0202LargeArgumentInLoopCodeFix : RaySharpCodeFix
{
    /// <summary>Creates the fix.</summary>
    public RAY0202LargeArgumentInLoopCodeFix()
        : base(RAY0202LargeArgumentInLoopAnalyzer.Id, "PutBeforeLoop")
    {
    }

    /// <summary>
    /// Fix All applies every diagnostic of a document in one rewrite, not through the batch fixer: two values hoisted
    /// before the same loop are two insertions at one position, which the batch fixer's merge would drop as a conflict.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || Hoist.From(diagnostic, root) is not { } hoist)
        {
            return;
        }

        Offer(context, $"Put '{hoist.Name}' into the object store once, before the loop", ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!);
    }

    private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var newLine = SyntaxFactory.EndOfLine(root.ToFullString().Contains("\r\n") ? "\r\n" : "\n");

        // One hoist per loop and value, however many diagnostics point at it.
        var hoists = diagnostics.Select(d => Hoist.From(d, root)).OfType<Hoist>()
            .GroupBy(h => (h.Loop, h.Name))
            .Select(g => new Hoist(g.Key.Loop, g.Key.Name, g.SelectMany(h => h.Values).Distinct().ToList()))
            .ToList();
        if (hoists.Count == 0)
        {
            return document;
        }

        // Ray, as a type expression carrying its symbol, so that the import is added when missing.
        var rayType = model.Compilation.GetTypeByMetadataName("RaySharp.Ray") is { } ray
            ? (TypeSyntax)SyntaxGenerator.GetGenerator(document).TypeExpression(ray)
            : SyntaxFactory.ParseTypeName("global::RaySharp.Ray");
        var chosen = new HashSet<string>();
        var insertions = new List<(SyntaxNode Before, SyntaxNode Declaration)>();
        var renames = new Dictionary<SyntaxNode, string>();
        foreach (var hoist in hoists)
        {
            var refName = UniqueName(hoist.Name + "Ref", hoist.Loop, model, chosen);
            chosen.Add(refName);
            foreach (var value in hoist.Values)
            {
                renames[value] = refName;
            }

            var statement = hoist.Loop.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : hoist.Loop;
            var declaration = PutDeclaration(refName, hoist.Values[0], rayType);
            var inserted = statement is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(declaration) : (SyntaxNode)declaration;
            insertions.Add((statement, inserted.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(newLine)));
        }

        var tracked = root.TrackNodes(renames.Keys.Concat(insertions.Select(i => i.Before)));
        foreach (var rename in renames)
        {
            var current = tracked.GetCurrentNode(rename.Key)!;
            tracked = tracked.ReplaceNode(current, SyntaxFactory.IdentifierName(rename.Value).WithTriviaFrom(current));
        }

        foreach (var insertion in insertions)
        {
            tracked = tracked.InsertNodesBefore(tracked.GetCurrentNode(insertion.Before)!, new[] { insertion.Declaration });
        }

        return document.WithSyntaxRoot(tracked);
    }

    /// <summary><c>var xRef = Ray.Put(x);</c>, simplified, with <c>using RaySharp;</c> added when missing.</summary>
    private static LocalDeclarationStatementSyntax PutDeclaration(string refName, ExpressionSyntax value, TypeSyntax rayType)
    {
        var ray = rayType.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var put = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ray, SyntaxFactory.IdentifierName("Put")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))));
        return SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(refName), null, SyntaxFactory.EqualsValueClause(put)))))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><paramref name="preferred"/>, or with a number appended, so that it clashes with no name in scope or in the enclosing member.</summary>
    private static string UniqueName(string preferred, StatementSyntax loop, SemanticModel model, HashSet<string> chosen)
    {
        var member = loop.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or CompilationUnitSyntax) ?? loop;
        var taken = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var name = preferred;
        for (var i = 2; taken.Contains(name) || chosen.Contains(name) || !model.LookupSymbols(loop.SpanStart, name: name).IsEmpty; i++)
        {
            name = preferred + i;
        }

        return name;
    }

    /// <summary>What one diagnostic asks for: the loop statement, the variable's name, and the values to pass as the ref.</summary>
    private sealed class Hoist
    {
        public Hoist(StatementSyntax loop, string name, List<ExpressionSyntax> values)
        {
            Loop = loop;
            Name = name;
            Values = values;
        }

        public StatementSyntax Loop { get; }

        public string Name { get; }

        public List<ExpressionSyntax> Values { get; }

        public static Hoist? From(Diagnostic diagnostic, SyntaxNode root)
        {
            if (diagnostic.AdditionalLocations.Count == 0 ||
                !diagnostic.Properties.TryGetValue(RAY0202LargeArgumentInLoopAnalyzer.NameProperty, out var name) || name is null ||
                root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not StatementSyntax loop)
            {
                return null;
            }

            var values = new List<ExpressionSyntax>();
            foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations.Skip(1)))
            {
                if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>()
                        .FirstOrDefault(e => e.Span == location.SourceSpan) is { } value)
                {
                    values.Add(value);
                }
            }

            return values.Count == 0 ? null : new Hoist(loop, name, values);
        }
    }
}
