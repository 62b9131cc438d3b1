using System;
using System.Globalization;

namespace RaySharp.Tests.Support;

/// <summary>
/// The size of a soak: a short default for CI, or the value of an environment variable for a long run, e.g.
/// <c>RAY_SOAK_CALLS=10000 dotnet test tests/Runtime.Tests -c Release --filter FullyQualifiedName~SoakTests</c>.
/// </summary>
internal static class SoakSize
{
    public static int From(string variable, int ciSize) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciSize;
}
