using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RaySharp.Observability.Logging;

/// <summary>
/// A runtime's loggers, one per <see cref="RayLogCategories"/> category, from <see cref="RayOptions.LoggerFactory"/>;
/// without a factory every one is <see cref="NullLogger.Instance"/>, whose <c>IsEnabled</c> is false, so a log call
/// costs a virtual call and nothing is formatted.
/// </summary>
internal sealed class RuntimeLog
{
    public static readonly RuntimeLog None = new(null);

    public RuntimeLog(ILoggerFactory? factory)
    {
        Scheduling = Create(factory, RayLogCategories.Scheduling);
        Actors = Create(factory, RayLogCategories.Actors);
        ObjectStore = Create(factory, RayLogCategories.ObjectStore);
        Cluster = Create(factory, RayLogCategories.Cluster);
    }

    public ILogger Scheduling { get; }

    public ILogger Actors { get; }

    public ILogger ObjectStore { get; }

    public ILogger Cluster { get; }

    private static ILogger Create(ILoggerFactory? factory, string category) =>
        factory?.CreateLogger(category) ?? NullLogger.Instance;
}
