using Microsoft.CodeAnalysis;

namespace RaySharp.Generators.Shared;

/// <summary>One broken declaration rule: the id, the symbol to point at, and the message arguments.</summary>
internal readonly struct RuleViolation
{
    public RuleViolation(string id, ISymbol target, params string[] arguments)
        : this(id, target, null, arguments)
    {
    }

    public RuleViolation(string id, ISymbol target, SyntaxReference? syntax, params string[] arguments)
    {
        Id = id;
        Target = target;
        Syntax = syntax;
        Arguments = arguments;
    }

    /// <summary>The diagnostic id, one of <see cref="RuleIds"/>.</summary>
    public string Id { get; }

    /// <summary>The symbol whose declaration the diagnostic points at.</summary>
    public ISymbol Target { get; }

    /// <summary>Where to point instead of the target's declaration (an attribute), or null.</summary>
    public SyntaxReference? Syntax { get; }

    /// <summary>The message arguments.</summary>
    public string[] Arguments { get; }
}
