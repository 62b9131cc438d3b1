using System.Linq;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Model;

/// <summary>One type of the chain that generated members are added to, reopened as <c>partial {Keyword} {Name}</c>.</summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="Name">The type's name (never generic: generic containers are rejected with RAY0004).</param>
/// <param name="Keyword"><c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="IsModuleVisible">True when the type is public or internal (not private, protected or file-local).</param>
internal sealed record TypeDeclarationInfo(string Name, string Keyword, bool IsModuleVisible = true);

/// <summary>Where a type sits: its namespace and its containing types, outermost first, ending with the type.</summary>
/// <remarks>Equality contract: value equality over the namespace and the whole chain; it is the grouping key of task methods.</remarks>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Types">The chain of type declarations, outermost first.</param>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeDeclarationInfo> Types)
{
    /// <summary>The dotted name, such as <c>App.Outer.Tutorial</c>.</summary>
    public string FullName => Prefix + string.Join(".", Types.Select(t => t.Name));

    /// <summary>The <c>global::</c>-qualified name.</summary>
    public string QualifiedName => "global::" + FullName;

    /// <summary>True when every type of the chain is public or internal, so a module initializer in it is reachable.</summary>
    public bool IsModuleVisible => Types.All(t => t.IsModuleVisible);

    /// <summary>The innermost type's name.</summary>
    public string Name => Types[Types.Count - 1].Name;

    /// <summary>The hint name stem: <c>Namespace.Outer+Inner</c> (nesting marked with <c>+</c>).</summary>
    public string HintStem => Prefix + string.Join("+", Types.Select(t => t.Name));

    private string Prefix => Namespace.Length == 0 ? string.Empty : Namespace + ".";
}

/// <summary>How a stub takes a parameter.</summary>
internal enum ParameterShape
{
    /// <summary>As <c>Arg&lt;T&gt;</c>: a value or an <c>ObjectRef&lt;T&gt;</c>, through implicit conversions.</summary>
    Arg,

    /// <summary>
    /// As <c>Arg&lt;T&gt;</c> in one overload and <c>T</c> in another: for collection types, so a collection expression
    /// (<c>[1, 2]</c>) can target <c>T</c> (it cannot target <c>Arg&lt;T&gt;</c>).
    /// </summary>
    ArgOrValue,

    /// <summary>
    /// As <c>T</c> in one overload and <c>ObjectRef&lt;T&gt;</c> in another: for interfaces and <c>object</c>,
    /// where C# applies no user-defined conversion from an expression of that type.
    /// </summary>
    Direct,

    /// <summary>As the declared <c>ObjectRef&lt;T&gt;</c>, passed through unresolved (not a dependency).</summary>
    PassRef,

    /// <summary>
    /// A <c>params E[]</c> parameter: as <c>params Arg&lt;E&gt;[]</c> (each item a value or a ref, as Ray's
    /// <c>*args</c>), as <c>E[]</c>, and as <c>ObjectRef&lt;E&gt;[]</c>; every ref item is a dependency.
    /// </summary>
    Params,

    /// <summary>A <c>params E[]</c> parameter whose <c>E</c> is an interface or <c>object</c>: as <c>params E[]</c> and as <c>ObjectRef&lt;E&gt;[]</c>.</summary>
    DirectParams,
}

/// <summary>One parameter of a remote method, as the stub declares it.</summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="Name">The parameter name, escaped as an identifier.</param>
/// <param name="Type">The declared type, <c>global::</c>-qualified with nullable annotations.</param>
/// <param name="Shape">How the stub takes it.</param>
/// <param name="DefaultValue">The declared default value as a C# expression of <see cref="Type"/> (invariant culture, round-trip floats), or null for none.</param>
/// <param name="ElementType">For <see cref="ParameterShape.Params"/> and <see cref="ParameterShape.DirectParams"/>, the array's element type; otherwise null.</param>
/// <param name="IsNullable">
/// True for a nullable reference type or <c>Nullable&lt;T&gt;</c>: the stub takes <c>Arg&lt;T&gt;?</c>, so a <c>null</c>
/// literal (to which C# applies no user-defined conversion) passes null.
/// </param>
internal sealed record ParameterModel(string Name, string Type, ParameterShape Shape, string? DefaultValue = null, string? ElementType = null, bool IsNullable = false)
{
    /// <summary>True for a <c>params</c> parameter.</summary>
    public bool IsParams => Shape is ParameterShape.Params or ParameterShape.DirectParams;
}

/// <summary>A custom resource of the options: a name and an amount as a C# double literal.</summary>
/// <remarks>Equality contract: value equality over both members.</remarks>
internal sealed record ResourceModel(string Name, string Amount);

/// <summary>A concurrency group an actor class declares with <c>[RayConcurrencyGroup(Name, Limit)]</c>.</summary>
/// <remarks>Equality contract: value equality over both members.</remarks>
internal sealed record ConcurrencyGroupModel(string Name, int Limit);

/// <summary>
/// The options set on a <c>[RayRemote]</c> attribute; only properties the user set are non-null, so the emitted
/// options carry nothing else. Numbers are already C# literals (invariant culture, round-trip format).
/// </summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="ConcurrencyGroup">An actor method's <c>ConcurrencyGroup</c>, or null.</param>
/// <param name="ConcurrencyGroups">An actor class's <c>[RayConcurrencyGroup]</c> declarations, in declaration order.</param>
/// <param name="Namespace">An actor class's <c>Namespace</c>, or null.</param>
/// <param name="GetIfExists">True when an actor class sets <c>GetIfExists = true</c>.</param>
/// <param name="Detached">True when an actor class sets <c>Lifetime = ActorLifetime.Detached</c>.</param>
internal sealed record OptionsModel(
    string? NumCpus,
    string? NumGpus,
    EquatableArray<ResourceModel> Resources,
    int? MaxRetries,
    bool? RetryExceptions,
    EquatableArray<string> RetryExceptionTypes,
    string? Name,
    int? NumReturns,
    int? MaxConcurrency,
    int? MaxRestarts,
    int? MaxTaskRetries,
    string? ConcurrencyGroup = null,
    EquatableArray<ConcurrencyGroupModel> ConcurrencyGroups = default,
    string? Namespace = null,
    bool GetIfExists = false,
    bool Detached = false)
{
    /// <summary>No option set.</summary>
    public static OptionsModel None { get; } = new(null, null, default, null, null, default, null, null, null, null, null);

    /// <summary>True when a task option is set (what <c>TaskOptions</c> carries).</summary>
    public bool HasTaskOptions => NumCpus is not null || NumGpus is not null || !Resources.IsEmpty || MaxRetries is not null
        || RetryExceptions is not null || !RetryExceptionTypes.IsEmpty || Name is not null || ConcurrencyGroup is not null;

    /// <summary>True when an actor option is set (what <c>ActorOptions</c> carries).</summary>
    public bool HasActorOptions => NumCpus is not null || NumGpus is not null || !Resources.IsEmpty || Name is not null
        || MaxConcurrency is not null || MaxRestarts is not null || MaxTaskRetries is not null || !ConcurrencyGroups.IsEmpty
        || Namespace is not null || GetIfExists || Detached;
}

/// <summary>One remote method, actor method or actor constructor: its function id, stub signature and invoker case.</summary>
/// <remarks>
/// Equality contract: value equality over every member. It carries no symbols: types are <c>global::</c>-qualified
/// strings, and a changed signature changes <see cref="Signature"/> and <see cref="Id"/>.
/// </remarks>
/// <param name="Name">The method name as written (escaped); <c>New</c> for constructors.</param>
/// <param name="FieldName">The name of the <c>RemoteFunction</c> field: <see cref="Name"/>, with <c>_2</c>, <c>_3</c> … for overloads.</param>
/// <param name="Accessibility"><c>public</c> for a public method, otherwise <c>internal</c>; empty for no stub (a private or protected type in the signature).</param>
/// <param name="Id">The function id: FNV-1a 64 of <see cref="Signature"/>.</param>
/// <param name="Signature">The signature text that was hashed.</param>
/// <param name="DisplayName">The function's name in errors, such as <c>App.Tutorial.GetRefDatum</c>.</param>
/// <param name="Parameters">The parameters the stub takes (a trailing <c>CancellationToken</c> is not among them).</param>
/// <param name="TakesCancellationToken">True when the method's last parameter is a <c>CancellationToken</c>.</param>
/// <param name="Return">What the method returns.</param>
/// <param name="ResultType">The type the result ref holds (<c>global::RaySharp.Unit</c> for no value).</param>
/// <param name="Options">Options from the method's <c>[RayRemote]</c>.</param>
/// <param name="Violation">The first declaration rule it breaks (RAY00xx), or null.</param>
/// <param name="CanStub">With a violation: true when a throwing stub can still be declared (no generic, pointer or ref-struct types).</param>
/// <param name="IsConstructor">True for an actor constructor: the invoker hands the new instance to <c>ReturnActor</c>.</param>
/// <param name="ResultTypes">With <c>NumReturns</c> of 2 or 3: the type of each result ref (the tuple's elements); otherwise empty.</param>
internal sealed record RemoteMethodModel(
    string Name,
    string FieldName,
    string Accessibility,
    ulong Id,
    string Signature,
    string DisplayName,
    EquatableArray<ParameterModel> Parameters,
    bool TakesCancellationToken,
    ReturnKind Return,
    string ResultType,
    OptionsModel Options,
    string? Violation,
    bool CanStub,
    bool IsConstructor = false,
    EquatableArray<string> ResultTypes = default)
{
    /// <summary>True when the method returns <c>Task</c>, <c>ValueTask</c> or <c>IAsyncEnumerable</c>.</summary>
    public bool IsAsync => Return is ReturnKind.Task or ReturnKind.TaskOfT or ReturnKind.ValueTask or ReturnKind.ValueTaskOfT or ReturnKind.AsyncStream;

    /// <summary>True when the method streams its items, one ref each.</summary>
    public bool IsStreaming => Return is ReturnKind.Stream or ReturnKind.AsyncStream;
}

/// <summary>One <c>[RayRemote]</c> static method with its containing type and the formatters its signature needs.</summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="Type">The containing type.</param>
/// <param name="Method">The method.</param>
/// <param name="Formatters">The formatters its signature needs.</param>
/// <param name="Semantics">How the object store keeps its parameter and return types (see <see cref="ImmutabilityRules"/>).</param>
internal sealed record RemoteMethodItem(HierarchyInfo Type, RemoteMethodModel Method, EquatableArray<FormatterSpec> Formatters, EquatableArray<StoreSpec> Semantics);

/// <summary>A type with <c>[RayRemote]</c> static methods: everything its generated file needs.</summary>
/// <remarks>Equality contract: value equality; methods are sorted by name, then signature.</remarks>
internal sealed record TaskTypeModel(HierarchyInfo Type, EquatableArray<RemoteMethodModel> Methods);

/// <summary>A <c>[RayRemote]</c> actor class: its options, constructors (<c>Remote.New</c>) and public methods (handle stubs).</summary>
/// <remarks>Equality contract: value equality; constructors and methods are sorted by name, then signature.</remarks>
internal sealed record ActorModel(
    HierarchyInfo Type,
    OptionsModel Options,
    EquatableArray<RemoteMethodModel> Constructors,
    EquatableArray<RemoteMethodModel> Methods);

/// <summary>An actor model with the formatters and store registrations its constructors and methods need.</summary>
/// <remarks>Equality contract: value equality over every member.</remarks>
/// <param name="Actor">The actor.</param>
/// <param name="Formatters">The formatters its constructors and methods need.</param>
/// <param name="Semantics">How the object store keeps their parameter and return types.</param>
internal sealed record ActorItem(ActorModel Actor, EquatableArray<FormatterSpec> Formatters, EquatableArray<StoreSpec> Semantics);

/// <summary>What the compilation offers for serialization: the RaySerializer/MessagePack pair, and optional runtime formatters.</summary>
/// <remarks>Equality contract: value equality over both members.</remarks>
/// <param name="Enabled">True when <c>RaySharp.Serialization.RaySerializer</c> and MessagePack's formatter interface are referenced.</param>
/// <param name="RuntimeTypes">The optional runtime formatter types that exist (see <see cref="FormatterHelpers.RuntimeTypes"/>).</param>
internal sealed record SerializationSupport(bool Enabled, EquatableArray<string> RuntimeTypes);
