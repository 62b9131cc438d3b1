using System.IO;
using Xunit;

namespace RaySharp.Dashboard.Tests;

/// <summary>A test that needs Debian's Chromium; skipped, saying how to install it, only where it is truly absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"Chromium is not installed at {ChromiumPath}. Install it with `apt-get install -y chromium` (as root; .ci/run does this before the build).";
        }
    }
}
