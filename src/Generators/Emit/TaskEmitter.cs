using System.Linq;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>
/// Writes the file of a type with <c>[RayRemote]</c> static methods: a static <c>Remote</c> property returning the
/// <c>RemoteStubs</c> struct (one stub per method, plus <c>WithOptions</c>), and the private invoker.
/// </summary>
/// <remarks>
/// <c>Remote</c> is a property of a readonly struct rather than a static class so that <c>Remote.Method(…)</c> and
/// <c>Remote.WithOptions(…).Method(…)</c> share one set of stubs: the struct carries the per-call options (null
/// by default) and costs no allocation. The generated members take the names <c>Remote</c>, <c>RemoteStubs</c>,
/// <c>RayInvoker</c> and <c>RayArgs_*</c> in the type; a user member of the same name clashes with them (CS0102).
/// </remarks>
internal static class TaskEmitter
{
    /// <summary>The hint name of a type's file: <c>{Namespace}.{Outer+Type}.Remote.g.cs</c>.</summary>
    public static string HintName(HierarchyInfo type) => HintNames.Sanitize(type.HintStem) + ".Remote.g.cs";

    /// <summary>Adds the file for <paramref name="model"/>.</summary>
    public static void Emit(SourceProductionContext context, TaskTypeModel model) =>
        context.AddSource(HintName(model.Type), Write(model).ToSourceText());

    /// <summary>Writes the file for <paramref name="model"/>.</summary>
    public static SourceWriter Write(TaskTypeModel model)
    {
        var type = model.Type;
        var stubs = type.QualifiedName + ".RemoteStubs";
        var writer = new SourceWriter();
        FileScaffold.WriteHeader(writer);
        var scopes = FileScaffold.OpenHierarchy(writer, type);

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Runs this type's <c>[RayRemote]</c> methods as remote tasks: each stub returns the ref of the result at once.");
        writer.WriteLine("/// <c>Remote.WithOptions(new TaskOptions { … })</c> overrides the declared options for one call.");
        writer.WriteLine("/// </summary>");
        FileScaffold.WriteAttributes(writer, plumbing: false);
        writer.WriteLine("public static " + stubs + " Remote => default;");

        writer.WriteLine();
        writer.WriteLine("/// <summary>The remote stubs of <c>" + type.FullName + "</c>, reached through <c>Remote</c>.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("public readonly struct RemoteStubs"))
        {
            writer.WriteLine("private RemoteStubs(" + Names.TaskOptions + " options) => RayCallOptions = options;");
            writer.WriteLine();
            writer.WriteLine("private " + Names.TaskOptions + "? RayCallOptions { get; }");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The same stubs with per-call options, which override the declared ones property by property.</summary>");
            using (writer.Block("public " + stubs + " WithOptions(" + Names.TaskOptions + " options)"))
            {
                writer.WriteLine(Names.ArgumentNullException + ".ThrowIfNull(options);");
                writer.WriteLine("return new " + stubs + "(options);");
            }

            foreach (var method in model.Methods)
            {
                var function = type.QualifiedName + ".RayInvoker." + method.FieldName;
                StubEmitter.WriteStubs(
                    writer,
                    type,
                    method,
                    StubEmitter.RefType(method),
                    method.IsStreaming
                        ? "Runs <c>" + method.DisplayName + "</c> as a streaming task: one ref per item, each ready as soon as it is produced."
                        : "Runs <c>" + method.DisplayName + "</c> as a remote task and returns the ref of its result at once.",
                    args => Names.RayRuntime + ".Current." + (method.IsStreaming ? "SubmitStreaming" : "Submit") + StubEmitter.ResultArguments(method)
                        + "(new " + Names.TaskSpec + "(" + function + ", " + args + ", RayCallOptions))");
            }
        }

        var functions = model.Methods.Where(m => m.Violation is null).ToList();
        if (functions.Count > 0)
        {
            InvokerEmitter.WriteInvoker(
                writer,
                type,
                functions,
                f => OptionsEmitter.TaskOptions(f.Options),
                (f, arguments) => type.QualifiedName + "." + f.Name + "(" + arguments + ")",
                wire: type.IsModuleVisible ? WireEmitter.TaskWire : null,
                registerAtLoad: type.IsModuleVisible);
            ArgsEmitter.WriteArgsClasses(writer, type, functions);
        }

        FileScaffold.Close(scopes);
        return writer;
    }
}
