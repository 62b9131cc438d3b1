namespace RaySharp.Coyote;

/// <summary>
/// The runtime the races start: one CPU, and no task events, whose millisecond clock is a thread of its own that
/// Coyote does not control (the races explore scheduling, objects and actors, not the events).
/// </summary>
internal static class RaceRuntime
{
    public static RayRuntime Start() => new(new RayOptions { NumCpus = 1, EnableTaskEvents = false });
}
