namespace RaySharp.Generators;

/// <summary>The names of the tracked pipeline steps; caching tests check every one of them.</summary>
internal static class TrackingNames
{
    public const string ExtractMethods = nameof(ExtractMethods);
    public const string NonNullMethods = nameof(NonNullMethods);
    public const string GroupedTypes = nameof(GroupedTypes);
    public const string TaskTypes = nameof(TaskTypes);
    public const string ExtractActors = nameof(ExtractActors);
    public const string NonNullActors = nameof(NonNullActors);
    public const string DistinctActors = nameof(DistinctActors);
    public const string ActorTypes = nameof(ActorTypes);
    public const string Formatters = nameof(Formatters);
    public const string SerializationSupport = nameof(SerializationSupport);
    public const string FormatterOutput = nameof(FormatterOutput);
    public const string Semantics = nameof(Semantics);
    public const string SemanticsSupport = nameof(SemanticsSupport);
    public const string SemanticsOutput = nameof(SemanticsOutput);
}
