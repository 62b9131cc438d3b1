using System;
using System.Globalization;

namespace RaySharp.Properties.Tests;

/// <summary>
/// How many random cases each property checks. CI runs the small default (a few seconds per property); a long run
/// sets <c>RAY_PROPERTY_ITER</c>, e.g. <c>RAY_PROPERTY_ITER=5000 dotnet test tests/Properties.Tests -c Release</c>.
/// A failure prints its seed; <c>CsCheck_Seed=&lt;seed&gt;</c> replays it.
/// </summary>
internal static class PropertyRuns
{
    public const string Variable = "RAY_PROPERTY_ITER";

    /// <summary>The limit every wait in a case is bounded by, so a bug fails the case instead of hanging the run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciDefault;
}
