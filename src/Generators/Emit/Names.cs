namespace RaySharp.Generators.Emit;

/// <summary>The <c>global::</c>-qualified names generated code uses; user types named <c>Task</c> or <c>Arg</c> cannot capture them.</summary>
internal static class Names
{
    public const string Arg = "global::RaySharp.CompilerServices.Arg";
    public const string ObjectRef = "global::RaySharp.ObjectRef";
    public const string Unit = "global::RaySharp.Unit";
    public const string TaskOptions = "global::RaySharp.TaskOptions";
    public const string ActorOptions = "global::RaySharp.ActorOptions";
    public const string ActorLifetime = "global::RaySharp.ActorLifetime";
    public const string ActorHandle = "global::RaySharp.ActorHandle";
    public const string ActorId = "global::RaySharp.ActorId";
    public const string IActorHandle = "global::RaySharp.IActorHandle";
    public const string RetryExceptions = "global::RaySharp.RetryExceptions";
    public const string RayRuntime = "global::RaySharp.RayRuntime";
    public const string RemoteFunction = "global::RaySharp.CompilerServices.RemoteFunction";
    public const string RemoteInvocation = "global::RaySharp.CompilerServices.RemoteInvocation";
    public const string IRemoteInvoker = "global::RaySharp.CompilerServices.IRemoteInvoker";
    public const string TaskSpec = "global::RaySharp.CompilerServices.TaskSpec";
    public const string TaskArgs = "global::RaySharp.CompilerServices.TaskArgs";
    public const string TaskWire = "global::RaySharp.CompilerServices.TaskWire";
    public const string Args = "global::RaySharp.CompilerServices.Args";
    public const string Dependencies = "global::RaySharp.CompilerServices.Dependencies";
    public const string ObjectRefBase = "global::RaySharp.ObjectRef";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string NotSupportedException = "global::System.NotSupportedException";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string ArgumentOutOfRangeException = "global::System.ArgumentOutOfRangeException";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";

    public const string ExcludeFromCodeCoverage = "[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]";
    public const string EditorBrowsableNever = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The generator's assembly version, written into <c>[GeneratedCode]</c>.</summary>
    public static readonly string Version = typeof(Names).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>The <c>[GeneratedCode]</c> attribute line.</summary>
    public static readonly string GeneratedCode =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"RaySharp.Generators\", \"" + Version + "\")]";
}
