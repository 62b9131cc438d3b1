using System.Collections.Generic;
using System.Linq;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>
/// The argument holders: the runtime's <c>Args&lt;…&gt;</c> for up to three parameters, a generated
/// <c>RayArgs_{Method}</c> beyond, or when a <c>params</c> parameter keeps one <c>Arg&lt;E&gt;</c> per item.
/// </summary>
internal static class ArgsEmitter
{
    /// <summary>The most parameters the runtime's ready-made <c>Args&lt;…&gt;</c> holders take.</summary>
    public const int RuntimeArgsLimit = 3;

    /// <summary>The expression that builds the argument holder from the stub's argument expressions.</summary>
    public static string ArgsExpression(HierarchyInfo type, RemoteMethodModel method, List<string> arguments) =>
        method.Parameters.Count == 0
            ? Names.TaskArgs + ".None"
            : "new " + ArgsType(type, method) + "(" + string.Join(", ", arguments) + ")";

    /// <summary>The argument holder's type: the runtime's <c>Args&lt;…&gt;</c>, or the generated <c>RayArgs_{Field}</c>.</summary>
    public static string ArgsType(HierarchyInfo type, RemoteMethodModel method) =>
        UsesRuntimeArgs(method)
            ? Names.Args + "<" + string.Join(", ", method.Parameters.Select(p => p.Type)) + ">"
            : type.QualifiedName + "." + ArgsClassName(method);

    /// <summary>The type the holder keeps a parameter as: <c>Arg&lt;T&gt;</c>, or <c>Arg&lt;E&gt;[]</c> for <c>params</c>.</summary>
    public static string HolderType(ParameterModel parameter) =>
        parameter.IsParams ? Names.Arg + "<" + parameter.ElementType + ">[]" : Names.Arg + "<" + parameter.Type + ">";

    /// <summary>The invoker's expression for the value of parameter <paramref name="index"/> (0-based) read from holder <c>a</c>.</summary>
    public static string ValueExpression(ParameterModel parameter, int index) =>
        parameter.IsParams
            ? "global::System.Array.ConvertAll(a.Arg" + Literals.Number(index + 1) + ", static item => item.Value)"
            : "a.Arg" + Literals.Number(index + 1) + ".Value";

    /// <summary>Writes the generated argument holders of the methods the runtime's <c>Args&lt;…&gt;</c> cannot hold.</summary>
    public static void WriteArgsClasses(SourceWriter writer, HierarchyInfo type, IEnumerable<RemoteMethodModel> methods)
    {
        foreach (var method in methods.Where(m => m.Violation is null && !UsesRuntimeArgs(m)))
        {
            var n = method.Parameters.Count;
            var name = ArgsClassName(method);
            writer.WriteLine();
            writer.WriteLine("/// <summary>The arguments of <c>" + method.DisplayName + "</c>, as values or refs.</summary>");
            FileScaffold.WriteAttributes(writer, plumbing: true);
            using (writer.Block("private sealed class " + name + " : " + Names.TaskArgs))
            {
                var ctorParameters = method.Parameters.Select((p, i) => HolderType(p) + " arg" + Literals.Number(i + 1));
                using (writer.Block("public " + name + "(" + string.Join(", ", ctorParameters) + ")"))
                {
                    for (var i = 1; i <= n; i++)
                    {
                        writer.WriteLine("Arg" + Literals.Number(i) + " = arg" + Literals.Number(i) + ";");
                    }
                }

                for (var i = 1; i <= n; i++)
                {
                    writer.WriteLine();
                    writer.WriteLine("public " + HolderType(method.Parameters[i - 1]) + " Arg" + Literals.Number(i) + " { get; }");
                }

                if (method.Parameters.Any(p => p.IsParams))
                {
                    WriteParamsDependencies(writer, method);
                    continue;
                }

                var refs = Enumerable.Range(1, n).Select(i => "Arg" + Literals.Number(i) + ".Ref").ToList();
                writer.WriteLine();
                writer.WriteLine("public override int DependencyCount => " + string.Join(" + ", refs.Select(r => "(" + r + " is null ? 0 : 1)")) + ";");
                writer.WriteLine();
                writer.WriteLine("public override " + Names.ObjectRefBase + " GetDependency(int index) =>");
                writer.Indentation++;
                writer.WriteLine(Names.Dependencies + ".Pick(index, " + string.Join(", ", refs) + ");");
                writer.Indentation--;
            }
        }
    }

    /// <summary>True when the runtime's <c>Args&lt;…&gt;</c> can hold the arguments: at most three, none of them <c>params</c>.</summary>
    private static bool UsesRuntimeArgs(RemoteMethodModel method) =>
        method.Parameters.Count <= RuntimeArgsLimit && !method.Parameters.Any(p => p.IsParams);

    /// <summary>The dependencies of a holder with a <c>params</c> parameter: every ref argument, then every ref item, in order.</summary>
    private static void WriteParamsDependencies(SourceWriter writer, RemoteMethodModel method)
    {
        var counts = method.Parameters.Select((p, i) => p.IsParams
            ? "global::System.Linq.Enumerable.Count(Arg" + Literals.Number(i + 1) + ", static item => item.IsRef)"
            : "(Arg" + Literals.Number(i + 1) + ".IsRef ? 1 : 0)");
        writer.WriteLine();
        writer.WriteLine("public override int DependencyCount => " + string.Join(" + ", counts) + ";");
        writer.WriteLine();
        using (writer.Block("public override " + Names.ObjectRefBase + " GetDependency(int index)"))
        {
            for (var i = 0; i < method.Parameters.Count; i++)
            {
                var arg = "Arg" + Literals.Number(i + 1);
                if (!method.Parameters[i].IsParams)
                {
                    using (writer.Block("if (" + arg + ".Ref is { } ref" + Literals.Number(i + 1) + " && index-- == 0)"))
                    {
                        writer.WriteLine("return ref" + Literals.Number(i + 1) + ";");
                    }

                    continue;
                }

                using (writer.Block("foreach (var item in " + arg + ")"))
                {
                    using (writer.Block("if (item.Ref is { } reference && index-- == 0)"))
                    {
                        writer.WriteLine("return reference;");
                    }
                }
            }

            writer.WriteLine();
            writer.WriteLine("throw new " + Names.ArgumentOutOfRangeException + "(nameof(index));");
        }
    }

    private static string ArgsClassName(RemoteMethodModel method) => "RayArgs_" + method.FieldName;
}
