using Microsoft.CodeAnalysis;
using RaySharp.Analyzers.Usage;

namespace RaySharp.Analyzers.CodeFixes.Usage;

/// <summary>Where a code fix applies: the flagged node (innermost on a tie), its operation, and the document's root, model and RaySharp symbols.</summary>
internal sealed record FixSite(SyntaxNode Root, SemanticModel Model, RaySymbols Symbols, SyntaxNode Node, IOperation? Operation);
