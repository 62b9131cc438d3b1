using Microsoft.CodeAnalysis;
using RaySharp.Generators.Shared;

namespace RaySharp.Analyzers;

/// <summary>
/// Every diagnostic RaySharp's analyzers report. Ids come from the shared <see cref="RuleIds"/>, so the generator and
/// the analyzers cannot disagree on them; docs live at <see cref="HelpLinks.For"/>.
/// </summary>
/// <remarks>
/// RAY0001–RAY0099 are the declaration contract: what the generator cannot turn into stubs. They are errors, because
/// for such a declaration the generator emits nothing (or a stub that throws), so the build must stop here with a
/// message that names the fix rather than later with "'Remote' is not a member of …".
/// </remarks>
public static class Descriptors
{
    /// <summary>The category of rules about using RaySharp's API correctly.</summary>
    public const string Usage = "Usage";

    /// <summary>Custom tags every RaySharp diagnostic carries.</summary>
    public const string RaySharpTag = "RaySharp";

    /// <summary>Custom tag of the declaration-contract rules (RAY0001–RAY0099).</summary>
    public const string DeclarationTag = "DeclarationContract";

    /// <summary>RAY0001: a type that receives generated members is not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Declaration(
        RuleIds.NotPartial,
        "Declare types with remote methods partial",
        "'{0}' must be partial so the RaySharp generator can add its Remote members to it: add the partial keyword to its declaration",
        "The RaySharp source generator adds a Remote property (and, for an actor, a Handle type) to every type that declares a [RayRemote] method or carries [RayRemote] itself. It can only do so when that type, and every type containing it, is declared partial.");

    /// <summary>RAY0002: a by-reference, pointer or ref-struct parameter or return.</summary>
    public static readonly DiagnosticDescriptor ByRefOrRefLike = Declaration(
        RuleIds.ByRefOrRefLike,
        "Pass remote arguments and results by value",
        "'{1}' of remote method '{0}' is passed by reference or is a pointer, span or other ref struct, which cannot be copied to the worker that runs it: pass a plain value such as an array, a List<T> or ReadOnlyMemory<T> instead",
        "A remote call runs on another worker, perhaps in another process, so its arguments and result are copied. A ref, out or in parameter, a pointer, a Span<T> or any other ref struct cannot be copied or kept until the task runs.");

    /// <summary>RAY0003: a parameter or return type that cannot be serialized; the message names the member path.</summary>
    public static readonly DiagnosticDescriptor NotSerializable = Declaration(
        RuleIds.NotSerializable,
        "Use serializable parameter and return types",
        "'{0}' in remote method '{1}' cannot be serialized because {2}: use a serializable type there, or give the type a MessagePack contract with [MessagePackObject] or [MessagePackFormatter]",
        "Arguments and results of remote methods are copied with MessagePack through formatters generated at compile time. Every type reachable from a parameter or the result must be serializable; the message names the member path to the first one that is not, such as 'Order.Lines[].Product.Handle: System.IntPtr'.");

    /// <summary>RAY0004: an open generic remote method or actor.</summary>
    public static readonly DiagnosticDescriptor OpenGeneric = Declaration(
        RuleIds.OpenGeneric,
        "Do not make remote methods or actors generic",
        "'{0}' is generic or declared inside a generic type, and RaySharp cannot yet generate remote stubs for open generics: use concrete types, for example one non-generic remote method per type you need",
        "Each remote method gets a stable function id and compile-time formatters for its exact parameter and return types. An open type parameter has neither, so generic remote methods and actors, and remote methods inside generic types, are not supported yet.");

    /// <summary>RAY0005: an actor class that cannot be created.</summary>
    public static readonly DiagnosticDescriptor BadActorClass = Declaration(
        RuleIds.BadActorClass,
        "Make actor classes creatable",
        "Actor class '{0}' cannot be created by Remote.New because it is abstract or static or has no public constructor: make it a concrete, non-static class with at least one public constructor",
        "A [RayRemote] class is an actor: Remote.New(…) creates one instance of it on a worker through one of its public constructors. An abstract or static class, or one without a public constructor, cannot be created.");

    /// <summary>RAY0006: more than one cancellation token, or one that is not last.</summary>
    public static readonly DiagnosticDescriptor BadCancellationToken = Declaration(
        RuleIds.BadCancellationToken,
        "Take at most one CancellationToken, as the last parameter",
        "Remote method '{0}' must take at most one CancellationToken, as its last parameter, which the runtime supplies and the Remote stub leaves out: remove the extra token or move it to the end",
        "The runtime passes its own cancellation token to a remote method that asks for one, and the generated stub leaves that parameter out. It recognizes the token only as the single, last parameter.");

    /// <summary>RAY0007: [RayRemote] where it means nothing.</summary>
    public static readonly DiagnosticDescriptor MisplacedAttribute = Declaration(
        RuleIds.MisplacedAttribute,
        "Put [RayRemote] on static methods or on actor classes",
        "[RayRemote] does not apply to '{0}': a task is a static method of a class or struct that is not an actor, and an actor is a [RayRemote] class whose public instance methods are all remote, so make the method static, mark its class [RayRemote], or move the method",
        "[RayRemote] on a static method makes it a task; [RayRemote] on a class makes it an actor, and on an actor's instance method it only carries per-method options. On an instance method of an ordinary class, on a static method of an actor class, or on a method of an interface it has no meaning, and nothing is generated for it.");

    /// <summary>RAY0008: NumReturns that does not match the method's return type.</summary>
    public static readonly DiagnosticDescriptor BadNumReturns = Declaration(
        RuleIds.BadNumReturns,
        "Match NumReturns to the returned tuple",
        "NumReturns = {1} does not fit remote method '{0}': use 1, or 2 or 3 with a tuple of exactly that many elements returned directly or through Task or ValueTask (for a count known only at run time, return IEnumerable<T> to stream the results)",
        "With NumReturns = n the Remote stub returns n object refs, one per element of the tuple the method returns, as Ray's num_returns does. This works for 2 or 3 elements of a tuple returned as T, Task<T> or ValueTask<T>; a stream (IEnumerable<T> or IAsyncEnumerable<T>) already gives one ref per item.");

    /// <summary>RAY0009: concurrency groups declared twice, with a limit below 1, or named without being declared.</summary>
    public static readonly DiagnosticDescriptor BadConcurrencyGroup = Declaration(
        RuleIds.BadConcurrencyGroup,
        "Declare each concurrency group once with a limit of at least 1, and name only declared groups",
        "'{0}' {1}: {2}",
        "An actor class declares its concurrency groups with [RayConcurrencyGroup(name, limit)], and an actor method joins one with [RayRemote(ConcurrencyGroup = name)], as Ray's concurrency_groups and concurrency_group. Each group is declared once, with a non-empty name and a limit of at least 1; a method can only name a group its class declares; and only actor methods run in groups.");

    /// <summary>RAY0010: a member named like one the generator adds, or an actor method named like a member of its handle.</summary>
    public static readonly DiagnosticDescriptor ReservedName = Declaration(
        RuleIds.ReservedName,
        "Rename members whose names the generated code needs",
        "'{0}' in '{1}' has the name of {2}: rename it",
        "The generator adds Remote (and its RemoteStubs or RemoteFactory type), Handle and RayInvoker to a [RayRemote] type, and gives an actor's handle the members Id, Call, WithOptions and CallsWithOptions. A member of the same name would clash with the generated code, or a public actor method would get no stub, so the generator emits nothing for the type until the member is renamed (or, for an actor method, made non-public).");

    /// <summary>
    /// A usage rule (RAY0100 and up): a warning or info about how RaySharp's API is called. Each usage analyzer keeps
    /// its own descriptor next to its <c>Id</c>, made here so that every rule has the same category, tags and help link.
    /// </summary>
    public static DiagnosticDescriptor UsageRule(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
        new(
            id,
            title,
            messageFormat,
            Usage,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.For(id),
            customTags: new[] { RaySharpTag });

    private static DiagnosticDescriptor Declaration(string id, string title, string messageFormat, string description) =>
        new(
            id,
            title,
            messageFormat,
            Usage,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.For(id),
            customTags: new[] { RaySharpTag, DeclarationTag });
}
