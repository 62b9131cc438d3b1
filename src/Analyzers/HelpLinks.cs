namespace RaySharp.Analyzers;

/// <summary>Where each diagnostic's documentation page lives: one base, one page per id.</summary>
public static class HelpLinks
{
    /// <summary>
    /// The folder holding <c>RAYxxxx.md</c> pages and <c>index.md</c>, in the repository the package's metadata names
    /// (<c>RepositoryUrl</c> in Directory.Build.props, written into <see cref="RepositoryInfo"/> at build time).
    /// </summary>
    public const string Base = RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/diagnostics/";

    /// <summary>The page of <paramref name="id"/>, such as <c>…/docs/diagnostics/RAY0001.md</c>.</summary>
    public static string For(string id) => Base + id + ".md";
}
