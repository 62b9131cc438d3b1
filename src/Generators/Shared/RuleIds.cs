namespace RaySharp.Generators.Shared;

/// <summary>The declaration-contract diagnostic ids (errors the analyzer reports; the generator emits nothing for them).</summary>
internal static class RuleIds
{
    /// <summary>A <c>[RayRemote]</c> type, or a type containing a <c>[RayRemote]</c> method, is not <c>partial</c>.</summary>
    public const string NotPartial = "RAY0001";

    /// <summary>A <c>ref</c>/<c>out</c>/<c>in</c> parameter, or a pointer, span or ref-struct parameter or return type.</summary>
    public const string ByRefOrRefLike = "RAY0002";

    /// <summary>A parameter or return type cannot be serialized; the message names the member path.</summary>
    public const string NotSerializable = "RAY0003";

    /// <summary>An open generic remote method or actor.</summary>
    public const string OpenGeneric = "RAY0004";

    /// <summary>An actor class that is abstract or static, or has no public constructor.</summary>
    public const string BadActorClass = "RAY0005";

    /// <summary>More than one <c>CancellationToken</c> parameter, or one that is not last.</summary>
    public const string BadCancellationToken = "RAY0006";

    /// <summary><c>[RayRemote]</c> on an instance method outside a <c>[RayRemote]</c> class, or on a static method inside an actor class.</summary>
    public const string MisplacedAttribute = "RAY0007";

    /// <summary>
    /// <c>NumReturns</c> does not match the method: it must be 1, or 2–3 with a tuple of that many elements returned
    /// (directly or through <c>Task</c>/<c>ValueTask</c>), and a streaming method returns one stream. Proposed; not in
    /// the list of seven.
    /// </summary>
    public const string BadNumReturns = "RAY0008";

    /// <summary>
    /// An actor's concurrency groups are wrong: a group declared twice, a limit below 1, an empty name, an actor method
    /// naming a group its class does not declare, or <c>ConcurrencyGroup</c> on a method that is not an actor method.
    /// </summary>
    public const string BadConcurrencyGroup = "RAY0009";

    /// <summary>
    /// A member whose name the generated code needs: a member of a <c>[RayRemote]</c> type named like one the generator
    /// adds to it (<c>Remote</c>, <c>Handle</c>, …), or a public actor method named like a member of the handle.
    /// </summary>
    public const string ReservedName = "RAY0010";
}
