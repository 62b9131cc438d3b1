using System;

namespace RaySharp.Generators.Shared;

/// <summary>
/// One formatter the generated resolver serves: for <see cref="TypeKey"/>, either an expression that creates an
/// existing formatter (<see cref="Construction"/>: MessagePack's generic formatters, a user's
/// <c>[MessagePackFormatter]</c>, a runtime formatter) or a generated object formatter (<see cref="Object"/>).
/// </summary>
/// <remarks>
/// Equality contract: value equality over every member. Two declarations that use the same type produce equal specs,
/// so the collected list de-duplicates by <see cref="TypeKey"/>.
/// </remarks>
/// <param name="TypeKey">The <c>global::</c>-qualified type, without nullable annotations: valid in <c>typeof</c>, and the sort key.</param>
/// <param name="Construction">A C# expression creating the formatter, or null for a generated object formatter.</param>
/// <param name="Helper">A helper formatter the resolver file must define (immutable collections), or null.</param>
/// <param name="Requires">The metadata name of a runtime type the construction needs, or null; the entry is left out when the runtime lacks it.</param>
/// <param name="Object">The shape of a generated object formatter, or null.</param>
internal sealed record FormatterSpec(string TypeKey, string? Construction, string? Helper, string? Requires, ObjectShape? Object);

/// <summary>
/// The shape of a user record, class or struct, as its generated formatter writes it: a MessagePack array of
/// <see cref="Members"/> in order, read back through the chosen public constructor and then settable members.
/// </summary>
/// <remarks>Equality contract: value equality over every member, including the order of <see cref="Members"/>.</remarks>
/// <param name="AnnotatedType">The <c>global::</c>-qualified type as the formatter's type argument.</param>
/// <param name="IsValueType">True for structs (no nil).</param>
/// <param name="ConstructorArity">How many constructor arguments the chosen constructor takes.</param>
/// <param name="Members">The serialized members, in wire order.</param>
internal sealed record ObjectShape(string AnnotatedType, bool IsValueType, int ConstructorArity, EquatableArray<MemberShape> Members);

/// <summary>One serialized member of an <see cref="ObjectShape"/>.</summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="Name">The member name, escaped as a C# identifier.</param>
/// <param name="Type">The member's <c>global::</c>-qualified type with nullable annotations.</param>
/// <param name="ConstructorIndex">The constructor parameter that receives it, or -1 when it is set by an object initializer.</param>
internal sealed record MemberShape(string Name, string Type, int ConstructorIndex);

/// <summary>Names of the helper formatters the resolver file defines when a spec asks for them.</summary>
internal static class FormatterHelpers
{
    /// <summary>The namespace the resolver file declares its (file-local) helpers in, <c>global::</c>-qualified with a trailing dot.</summary>
    public const string Namespace = "global::RaySharp.Generated.";

    public const string ImmutableArray = "ImmutableArrayFormatter";
    public const string ImmutableList = "ImmutableListFormatter";
    public const string ImmutableHashSet = "ImmutableHashSetFormatter";
    public const string ImmutableDictionary = "ImmutableDictionaryFormatter";

    /// <summary>Runtime formatter for generated actor handles (optional: used when the runtime defines it).</summary>
    public const string ActorHandleFormatter = "RaySharp.CompilerServices.ActorHandleFormatter`1";

    /// <summary>Runtime formatter for object refs passed as values (optional: used when the runtime defines it).</summary>
    public const string ObjectRefFormatter = "RaySharp.CompilerServices.ObjectRefFormatter`1";

    /// <summary>All helper names, in the order the emitter writes them.</summary>
    public static readonly string[] All = { ImmutableArray, ImmutableList, ImmutableHashSet, ImmutableDictionary };

    /// <summary>Runtime formatter for <c>RayQueue&lt;T&gt;</c> (optional: used when the runtime defines it).</summary>
    public const string RayQueueFormatter = "RaySharp.CompilerServices.RayQueueFormatter`1";

    /// <summary>All optional runtime types a spec may require.</summary>
    public static readonly string[] RuntimeTypes = { ActorHandleFormatter, ObjectRefFormatter, RayQueueFormatter };

    /// <summary>Guards against an unknown helper name.</summary>
    public static bool IsKnown(string name) => Array.IndexOf(All, name) >= 0;
}
