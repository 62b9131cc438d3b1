using System;
using System.Globalization;
using System.IO;
using Microsoft.AspNetCore.Http;

namespace RaySharp.Dashboard;

/// <summary>The page and its script and style, embedded in the assembly (no CDN, nothing fetched from elsewhere).</summary>
internal static class DashboardAssets
{
    public static IResult Page(TimeSpan refresh) =>
        Results.Content(
            Read("index.html").Replace("{{refreshMs}}", ((int)refresh.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "text/html; charset=utf-8");

    public static IResult Asset(string name) => name switch
    {
        "dashboard.js" => Results.Content(Read(name), "text/javascript; charset=utf-8"),
        "dashboard.css" => Results.Content(Read(name), "text/css; charset=utf-8"),
        _ => Results.NotFound(),
    };

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("RaySharp.Dashboard.wwwroot." + name)
            ?? throw new InvalidOperationException($"The dashboard asset '{name}' is not embedded in {typeof(DashboardAssets).Assembly.GetName().Name}; the package is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
