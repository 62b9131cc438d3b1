using System.Collections.Generic;
using System.Linq;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>The argument holders: the runtime's <c>Args&lt;…&gt;</c> for up to three parameters, a generated <c>RayArgs_{Method}</c> beyond.</summary>
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
        method.Parameters.Count <= RuntimeArgsLimit
            ? Names.Args + "<" + string.Join(", ", method.Parameters.Select(p => p.Type)) + ">"
            : type.QualifiedName + "." + ArgsClassName(method);

    /// <summary>Writes the generated argument holders of the methods with more than <see cref="RuntimeArgsLimit"/> parameters.</summary>
    public static void WriteArgsClasses(SourceWriter writer, HierarchyInfo type, IEnumerable<RemoteMethodModel> methods)
    {
        foreach (var method in methods.Where(m => m.Violation is null && m.Parameters.Count > RuntimeArgsLimit))
        {
            var n = method.Parameters.Count;
            var name = ArgsClassName(method);
            writer.WriteLine();
            writer.WriteLine("/// <summary>The arguments of <c>" + method.DisplayName + "</c>, as values or refs.</summary>");
            FileScaffold.WriteAttributes(writer, plumbing: true);
            using (writer.Block("private sealed class " + name + " : " + Names.TaskArgs))
            {
                var ctorParameters = method.Parameters.Select((p, i) => Names.Arg + "<" + p.Type + "> arg" + Literals.Number(i + 1));
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
                    writer.WriteLine("public " + Names.Arg + "<" + method.Parameters[i - 1].Type + "> Arg" + Literals.Number(i) + " { get; }");
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

    private static string ArgsClassName(RemoteMethodModel method) => "RayArgs_" + method.FieldName;
}
