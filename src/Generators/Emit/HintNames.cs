using System.Text;

namespace RaySharp.Generators.Emit;

/// <summary>Hint names: <c>{Namespace}.{Type}[.{Part}].g.cs</c>, nesting marked with <c>+</c>.</summary>
internal static class HintNames
{
    /// <summary>The hint name of the per-assembly formatter resolver; type files end in <c>.Remote.g.cs</c>, so it cannot collide.</summary>
    public const string Formatters = "RaySharp.Formatters.g.cs";

    /// <summary>The hint name of the per-assembly store registrations (how each signature type is copied).</summary>
    public const string Semantics = "RaySharp.ObjectSemantics.g.cs";

    /// <summary>Keeps letters, digits and <c>._+`-</c>; anything else (such as characters of escaped identifiers) becomes <c>_</c>.</summary>
    public static string Sanitize(string stem)
    {
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '+' or '`' or '-' ? c : '_');
        }

        return builder.ToString();
    }
}
