namespace RaySharp;

/// <summary>
/// The <see cref="Microsoft.Extensions.Logging.ILogger"/> categories a runtime logs under, through
/// <see cref="RayOptions.LoggerFactory"/> (which <c>services.AddRaySharp</c> sets to the host's): filter them in
/// <c>appsettings.json</c> (<c>"Logging": { "LogLevel": { "RaySharp.ObjectStore": "Debug" } }</c>) or with
/// <c>AddFilter</c>. Every category starts with <c>RaySharp.</c>.
/// </summary>
public static class RayLogCategories
{
    /// <summary>Tasks: failures and cancellations (Debug), retries (Information), tasks that can never be scheduled (Warning).</summary>
    public const string Scheduling = "RaySharp.Scheduling";

    /// <summary>Actors: restarts (Warning), deaths (Warning with their cause when they crashed, else Debug).</summary>
    public const string Actors = "RaySharp.Actors";

    /// <summary>The object store: spills and restores (Debug), a full store and results kept over its cap (Warning).</summary>
    public const string ObjectStore = "RaySharp.ObjectStore";

    /// <summary>A cluster node: nodes joining (Information), leaving and dying (Warning), tasks run again elsewhere (Warning).</summary>
    public const string Cluster = "RaySharp.Cluster";
}
