namespace RaySharp.Analyzers;

/// <summary>Where each diagnostic's documentation page lives: one base, one page per id.</summary>
public static class HelpLinks
{
    /// <summary>The folder holding <c>RAYxxxx.md</c> pages and <c>index.md</c>.</summary>
    public const string Base = "https://github.com/raysharp/raysharp/blob/main/docs/diagnostics/";

    /// <summary>The page of <paramref name="id"/>, such as <c>…/docs/diagnostics/RAY0001.md</c>.</summary>
    public static string For(string id) => Base + id + ".md";
}
