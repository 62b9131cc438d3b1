using Microsoft.CodeAnalysis;

namespace RaySharp.Analyzers.Declarations;

/// <summary>One broken declaration rule, placed in source: what <see cref="DeclarationWalker"/> hands the analyzers.</summary>
internal readonly struct Finding
{
    public Finding(string id, Location location, string[] arguments)
    {
        Id = id;
        Location = location;
        Arguments = arguments;
    }

    /// <summary>The diagnostic id, one of the shared <c>RuleIds</c>.</summary>
    public string Id { get; }

    /// <summary>Where the diagnostic goes: the identifier of the type, method or parameter at fault, or a return type.</summary>
    public Location Location { get; }

    /// <summary>The message arguments.</summary>
    public string[] Arguments { get; }
}
