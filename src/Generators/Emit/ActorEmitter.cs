using System.Linq;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>
/// Writes the file of a <c>[RayRemote]</c> actor class <c>C</c>: <c>C.Remote</c> (a <c>RemoteFactory</c> struct with one
/// <c>New</c> per public constructor, plus <c>WithOptions(ActorOptions)</c>), the handle type <c>C.Handle</c> (one stub
/// per public instance method; no fields or properties; <c>WithOptions(TaskOptions)</c> for per-call options), and the
/// private invoker.
/// </summary>
/// <remarks>
/// The handle is nested as <c>C.Handle</c> so that it is found next to the class and never collides with another
/// class's handle. It derives from <c>ActorHandle</c> (equality by actor id) and implements
/// <c>IActorHandle&lt;C.Handle&gt;</c> explicitly, so <c>Ray.GetActor&lt;C.Handle&gt;(name)</c> works without reflection.
/// Options given to <c>WithOptions</c> override the class's <c>[RayRemote]</c> options property by property.
/// The generated members take the names <c>Remote</c>, <c>RemoteFactory</c>, <c>Handle</c> and <c>RayInvoker</c>
/// (and <c>RayArgs_*</c>) in the class; a user member of the same name clashes with them (CS0102).
/// </remarks>
internal static class ActorEmitter
{
    /// <summary>The hint name of an actor's file.</summary>
    public static string HintName(HierarchyInfo type) => HintNames.Sanitize(type.HintStem) + ".Remote.g.cs";

    /// <summary>Adds the file for <paramref name="model"/>.</summary>
    public static void Emit(SourceProductionContext context, ActorModel model) =>
        context.AddSource(HintName(model.Type), Write(model).ToSourceText());

    /// <summary>Writes the file for <paramref name="model"/>.</summary>
    public static SourceWriter Write(ActorModel model)
    {
        var type = model.Type;
        var factory = type.QualifiedName + ".RemoteFactory";
        var handle = type.QualifiedName + ".Handle";
        var invoker = type.QualifiedName + ".RayInvoker";
        var defaults = OptionsEmitter.ActorOptions(model.Options);
        var writer = new SourceWriter();
        FileScaffold.WriteHeader(writer);
        var scopes = FileScaffold.OpenHierarchy(writer, type);

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates <c>" + type.Name + "</c> actors: <c>Remote.New(…)</c> starts one and returns its <c>Handle</c> at once.");
        writer.WriteLine("/// <c>Remote.WithOptions(new ActorOptions { … })</c> sets a name, resources or concurrency for one actor.");
        writer.WriteLine("/// </summary>");
        FileScaffold.WriteAttributes(writer, plumbing: false);
        writer.WriteLine("public static " + factory + " Remote => default;");

        writer.WriteLine();
        writer.WriteLine("/// <summary>The creation stubs of <c>" + type.FullName + "</c>, reached through <c>Remote</c>.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("public readonly struct RemoteFactory"))
        {
            writer.WriteLine("private RemoteFactory(" + Names.ActorOptions + " options) => RayActorOptions = options;");
            writer.WriteLine();
            writer.WriteLine("private " + Names.ActorOptions + "? RayActorOptions { get; }");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The same stubs with options for the actor, which override the declared ones property by property.</summary>");
            using (writer.Block("public " + factory + " WithOptions(" + Names.ActorOptions + " options)"))
            {
                writer.WriteLine(Names.ArgumentNullException + ".ThrowIfNull(options);");
                writer.WriteLine("return new " + factory + "(options);");
            }

            var options = defaults is null ? "RayActorOptions" : "RayActorOptions?.Over(" + invoker + ".Defaults) ?? " + invoker + ".Defaults";
            foreach (var constructor in model.Constructors)
            {
                StubEmitter.WriteStubs(
                    writer,
                    type,
                    constructor,
                    handle,
                    "Starts a <c>" + type.Name + "</c> actor with this constructor and returns its handle at once.",
                    args => Names.RayRuntime + ".Current.CreateActor<" + handle + ">(" + invoker + "." + constructor.FieldName + ", " + args + ", " + options + ")");
            }
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// A reference to a running <c>" + type.Name + "</c> actor: each method queues a call and returns the ref of its result at once.");
        writer.WriteLine("/// Calls from one caller run in order. Handles are plain data: pass them to tasks and other actors.");
        writer.WriteLine("/// </summary>");
        FileScaffold.WriteAttributes(writer, plumbing: false);
        using (writer.Block("public sealed class Handle : " + Names.ActorHandle + ", " + Names.IActorHandle + "<" + handle + ">"))
        {
            writer.WriteLine("private Handle(" + Names.ActorId + " id)");
            writer.Indentation++;
            writer.WriteLine(": base(id)");
            writer.Indentation--;
            using (writer.Block())
            {
            }

            writer.WriteLine();
            writer.WriteLine("static " + handle + " " + Names.IActorHandle + "<" + handle + ">.FromId(" + Names.ActorId + " id) => new(id);");
            foreach (var method in model.Methods)
            {
                var function = invoker + "." + method.FieldName;
                StubEmitter.WriteStubs(
                    writer,
                    type,
                    method,
                    StubEmitter.RefType(method),
                    method.IsStreaming
                        ? "Calls <c>" + method.DisplayName + "</c> on the actor as a stream: one ref per item, each ready as soon as it is produced."
                        : "Calls <c>" + method.DisplayName + "</c> on the actor and returns the ref of its result at once.",
                    args => "base." + (method.IsStreaming ? "CallStreaming" : "Call") + StubEmitter.ResultArguments(method)
                        + "(new " + Names.TaskSpec + "(" + function + ", " + args + "))");
            }

            WriteCallsWithOptions(writer, model, handle, invoker);
        }

        var constructors = model.Constructors.Where(c => c.Violation is null).ToList();
        var methods = model.Methods.Where(m => m.Violation is null).ToList();
        var functions = constructors.Concat(methods).ToList();

        // An actor with an async method is an async actor; the runtime reads that from its constructor functions.
        var isAsyncActor = methods.Any(m => m.IsAsync);
        InvokerEmitter.WriteInvoker(
            writer,
            type,
            functions,
            f => f.IsConstructor ? null : OptionsEmitter.TaskOptions(f.Options),
            (f, arguments) => f.IsConstructor
                ? "new " + type.QualifiedName + "(" + arguments + ")"
                : "((" + type.QualifiedName + ")invocation.Actor!)." + f.Name + "(" + arguments + ")",
            defaults is null ? null : w =>
            {
                w.WriteLine();
                w.WriteLine("/// <summary>The options of the class's <c>[RayRemote]</c>.</summary>");
                w.WriteLine("internal static readonly " + Names.ActorOptions + " Defaults = " + defaults + ";");
            },
            isAsync: f => f.IsConstructor ? isAsyncActor : f.IsAsync,
            wire: type.IsModuleVisible ? f => WireEmitter.ActorWire(f, handle) : null,
            registerAtLoad: type.IsModuleVisible);
        ArgsEmitter.WriteArgsClasses(writer, type, functions);
        FileScaffold.Close(scopes);

        return writer;
    }

    /// <summary>
    /// Writes <c>Handle.WithOptions(TaskOptions)</c> and the <c>CallsWithOptions</c> struct it returns: the same stubs,
    /// each submitting its call with the given per-call options (such as <c>ConcurrencyGroup</c>) over the method's own.
    /// </summary>
    private static void WriteCallsWithOptions(SourceWriter writer, ActorModel model, string handle, string invoker)
    {
        var calls = handle + ".CallsWithOptions";
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The same stubs with options for one call, which override the method's declared ones property by property, such as");
        writer.WriteLine("/// <c>WithOptions(new TaskOptions { ConcurrencyGroup = \"io\" })</c> to run the call in another concurrency group.");
        writer.WriteLine("/// </summary>");
        using (writer.Block("public " + calls + " WithOptions(" + Names.TaskOptions + " options)"))
        {
            writer.WriteLine(Names.ArgumentNullException + ".ThrowIfNull(options);");
            writer.WriteLine("return new " + calls + "(this, options);");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The stubs of a <c>Handle</c> with per-call options, reached through <c>WithOptions</c>.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("public readonly struct CallsWithOptions"))
        {
            writer.WriteLine("internal CallsWithOptions(" + handle + " handle, " + Names.TaskOptions + " options)");
            using (writer.Block())
            {
                writer.WriteLine("RayHandle = handle;");
                writer.WriteLine("RayCallOptions = options;");
            }

            writer.WriteLine();
            writer.WriteLine("private " + handle + " RayHandle { get; }");
            writer.WriteLine();
            writer.WriteLine("private " + Names.TaskOptions + " RayCallOptions { get; }");
            foreach (var method in model.Methods)
            {
                var function = invoker + "." + method.FieldName;
                StubEmitter.WriteStubs(
                    writer,
                    model.Type,
                    method,
                    StubEmitter.RefType(method),
                    "Calls <c>" + method.DisplayName + "</c> on the actor with the per-call options.",
                    args => "this.RayHandle." + (method.IsStreaming ? "CallStreaming" : "Call") + StubEmitter.ResultArguments(method)
                        + "(new " + Names.TaskSpec + "(" + function + ", " + args + ", this.RayCallOptions))");
            }
        }
    }
}
