using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Emit;

/// <summary>The invoker: the <c>RemoteFunction</c> fields and the typed switch that runs a function by id.</summary>
internal static class InvokerEmitter
{
    /// <summary>
    /// Writes the invoker: one <c>RemoteFunction</c> field per valid function (its id a hash of the signature, shown
    /// in a comment), and <c>InvokeAsync</c>, a switch on the id that unpacks the arguments and calls the target.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="type">The type the invoker is nested in.</param>
    /// <param name="functions">The functions, in order; those with a violation are skipped.</param>
    /// <param name="defaultOptions">The <c>defaultOptions</c> expression of a function, or null for none.</param>
    /// <param name="call">The call expression of a function, given its argument expressions.</param>
    /// <param name="extraMembers">Writes more members into the invoker (such as actor default options), or null.</param>
    /// <param name="isAsync">Whether a function counts as async, or null for <see cref="RemoteMethodModel.IsAsync"/>.</param>
    /// <param name="wire">The <c>TaskWire</c> expression of a function that may run on another node, or null for none.</param>
    /// <param name="registerAtLoad">
    /// True to create (and so register) the functions when the module loads, so a node finds them by id before a spec
    /// arrives; the invoker is then internal, as a module initializer must be reachable from the module.
    /// </param>
    public static void WriteInvoker(
        SourceWriter writer,
        HierarchyInfo type,
        IReadOnlyList<RemoteMethodModel> functions,
        System.Func<RemoteMethodModel, string?> defaultOptions,
        System.Func<RemoteMethodModel, string, string> call,
        System.Action<SourceWriter>? extraMembers = null,
        System.Func<RemoteMethodModel, bool>? isAsync = null,
        System.Func<RemoteMethodModel, string?>? wire = null,
        bool registerAtLoad = false)
    {
        var invoker = type.QualifiedName + ".RayInvoker";
        writer.WriteLine();
        writer.WriteLine("/// <summary>Runs the remote functions of <c>" + type.FullName + "</c> by id: a typed switch, no reflection.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block((registerAtLoad ? "internal" : "private") + " sealed class RayInvoker : " + Names.IRemoteInvoker))
        {
            writer.WriteLine("private static readonly " + invoker + " Instance = new();");
            extraMembers?.Invoke(writer);
            if (registerAtLoad)
            {
                writer.WriteLine();
                writer.WriteLine("/// <summary>Creates this type's functions when the module loads (reading a static field runs every field initializer), so a task another node sends finds its function by id.</summary>");
                writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
                writer.WriteLine("internal static void RegisterFunctions() => global::System.GC.KeepAlive(Instance);");
            }

            foreach (var f in functions)
            {
                var options = defaultOptions(f);
                var arguments = FunctionIds.Literal(f.Id) + ", " + Literals.Literal(f.DisplayName) + ", Instance"
                    + ((isAsync?.Invoke(f) ?? f.IsAsync) ? ", isAsync: true" : string.Empty)
                    + (options is null ? string.Empty : ", defaultOptions: " + options);
                writer.WriteLine();
                writer.WriteLine("// FNV-1a 64 of \"" + f.Signature + "\"");
                var wireForm = wire?.Invoke(f);
                writer.WriteLine("internal static readonly " + Names.RemoteFunction + " " + f.FieldName + " = new(" + arguments + ")"
                    + (wireForm is null ? string.Empty : " { Wire = " + wireForm + " }") + ";");
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public " + Names.ValueTask + " InvokeAsync(" + Names.RemoteFunction + " function, " + Names.TaskArgs + " args, " + Names.RemoteInvocation + " invocation)"))
            {
                using (writer.Block("switch (function.Id)"))
                {
                    foreach (var f in functions)
                    {
                        writer.WriteLine("case " + FunctionIds.Literal(f.Id) + ":");
                        using (writer.Block())
                        {
                            var arguments = new List<string>();
                            if (f.Parameters.Count > 0)
                            {
                                writer.WriteLine("var a = (" + ArgsEmitter.ArgsType(type, f) + ")args;");
                                arguments.AddRange(f.Parameters.Select((p, i) => ArgsEmitter.ValueExpression(p, i)));
                            }

                            if (f.TakesCancellationToken)
                            {
                                arguments.Add("invocation.CancellationToken");
                            }

                            WriteReturn(writer, f, call(f, string.Join(", ", arguments)));
                        }
                    }

                    writer.WriteLine("default:");
                    writer.Indentation++;
                    writer.WriteLine("return " + Names.ValueTask + ".FromException(new " + Names.NotSupportedException
                        + "(\"" + type.FullName + " has no remote function with id \" + function.Id.ToString(\"x16\", global::System.Globalization.CultureInfo.InvariantCulture) + \".\"));");
                    writer.Indentation--;
                }
            }
        }
    }

    private static void WriteReturn(SourceWriter writer, RemoteMethodModel f, string call)
    {
        if (f.IsConstructor)
        {
            writer.WriteLine("return invocation.ReturnActor(" + call + ");");
            return;
        }

        if (f.ResultTypes.Count > 1)
        {
            var types = string.Join(", ", f.ResultTypes);
            writer.WriteLine(f.Return switch
            {
                ReturnKind.TaskOfT => "return invocation.ReturnManyAsync<" + types + ">(" + call + ");",
                ReturnKind.ValueTaskOfT => "return invocation.ReturnManyAsync<" + types + ">(" + call + ".AsTask());",
                _ => "return invocation.ReturnMany<" + types + ">(" + call + ");",
            });
            return;
        }

        switch (f.Return)
        {
            case ReturnKind.Stream:
                writer.WriteLine("return invocation.ReturnStream<" + f.ResultType + ">(" + call + ");");
                break;
            case ReturnKind.AsyncStream:
                writer.WriteLine("return invocation.ReturnStreamAsync<" + f.ResultType + ">(" + call + ");");
                break;
            case ReturnKind.Void:
                writer.WriteLine(call + ";");
                writer.WriteLine("return invocation.ReturnUnit();");
                break;
            case ReturnKind.Task:
            case ReturnKind.ValueTask:
                writer.WriteLine("return invocation.ReturnUnitAsync(" + call + ");");
                break;
            case ReturnKind.TaskOfT:
            case ReturnKind.ValueTaskOfT:
                writer.WriteLine("return invocation.ReturnAsync<" + f.ResultType + ">(" + call + ");");
                break;
            default:
                writer.WriteLine("return invocation.Return<" + f.ResultType + ">(" + call + ");");
                break;
        }
    }
}
