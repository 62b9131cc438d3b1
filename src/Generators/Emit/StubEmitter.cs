using System.Collections.Generic;
using System.Linq;
using RaySharp.Generators.Model;

namespace RaySharp.Generators.Emit;

/// <summary>The stub overloads of a remote method, and the ref type they return.</summary>
/// <remarks>
/// <para><b>Parameters.</b> A parameter of type <c>T</c> becomes <c>Arg&lt;T&gt;</c>, which converts implicitly from a
/// <c>T</c> value and from an <c>ObjectRef&lt;T&gt;</c>, so one stub takes either. C# applies no user-defined conversion
/// from an expression whose static type is an interface (or <c>object</c>), so for such parameters the stub takes
/// <c>T</c> itself (any value, including interface-typed ones) and an overload takes <c>ObjectRef&lt;T&gt;</c>.
/// With one or two such parameters every combination is generated (2 or 4 overloads); with more, only "all values"
/// and "all refs" (2 overloads), so the count never explodes; mix them by passing <c>Ray.Put(value)</c> as a ref.
/// A parameter declared as <c>ObjectRef&lt;T&gt;</c> is taken as is and reaches the method unresolved.</para>
/// <para><b>Arguments.</b> Calls with up to three parameters use the runtime's <c>Args&lt;…&gt;</c> holders; four or more
/// get a generated sealed <c>RayArgs_{Method}</c> with the same <c>Arg1…ArgN</c> shape, so the invoker reads
/// <c>a.ArgN.Value</c> either way. No parameter uses <c>TaskArgs.None</c>.</para>
/// </remarks>
internal static class StubEmitter
{
    /// <summary>The most interface-typed parameters for which every value/ref combination gets an overload.</summary>
    public const int AllCombinationsLimit = 2;

    /// <summary>
    /// Writes the stub overloads of <paramref name="method"/>. <paramref name="body"/> turns the argument-holder
    /// expression into the stub's expression body. A method that breaks a declaration rule gets stubs that throw
    /// <c>NotSupportedException</c> naming the rule, so calls still compile and the analyzer's error stands alone.
    /// </summary>
    public static void WriteStubs(SourceWriter writer, HierarchyInfo type, RemoteMethodModel method, string returnType, string summary, System.Func<string, string> body)
    {
        if ((method.Violation is not null && !method.CanStub) || method.Accessibility.Length == 0)
        {
            return;
        }

        foreach (var mask in OverloadMasks(method))
        {
            var parameters = new List<string>();
            var arguments = new List<string>();
            var bit = 0;
            foreach (var p in method.Parameters)
            {
                switch (p.Shape)
                {
                    case ParameterShape.Direct:
                        var asRef = (mask & (1 << bit++)) != 0;
                        parameters.Add((asRef ? Names.ObjectRef + "<" + p.Type + ">" : p.Type) + " " + p.Name);
                        arguments.Add("new " + Names.Arg + "<" + p.Type + ">(" + p.Name + ")");
                        break;
                    case ParameterShape.PassRef:
                        parameters.Add(p.Type + " " + p.Name);
                        arguments.Add("new " + Names.Arg + "<" + p.Type + ">(" + p.Name + ")");
                        break;
                    default:
                        parameters.Add(Names.Arg + "<" + p.Type + "> " + p.Name);
                        arguments.Add(p.Name);
                        break;
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>" + summary + "</summary>");
            writer.WriteLine(method.Accessibility + " " + returnType + " " + method.Name + "(" + string.Join(", ", parameters) + ") =>");
            writer.Indentation++;
            writer.WriteLine(method.Violation is { } violation
                ? "throw new " + Names.NotSupportedException + "(" + Literals.Literal(violation + ": " + method.DisplayName + " cannot be called remotely; see the build error " + violation + ".") + ");"
                : body(ArgsEmitter.ArgsExpression(type, method, arguments)) + ";");
            writer.Indentation--;
        }
    }

    /// <summary>
    /// What a stub returns: <c>ObjectRef&lt;T&gt;</c>; a tuple of refs for <c>NumReturns</c> of 2 or 3; an
    /// <c>ObjectRefGenerator&lt;T&gt;</c> for a streaming method.
    /// </summary>
    public static string RefType(RemoteMethodModel method) =>
        method.IsStreaming ? "global::RaySharp.ObjectRefGenerator<" + method.ResultType + ">"
        : method.ResultTypes.Count > 1 ? "(" + string.Join(", ", method.ResultTypes.Select(t => Names.ObjectRef + "<" + t + ">")) + ")"
        : Names.ObjectRef + "<" + method.ResultType + ">";

    /// <summary>The generic suffix of the runtime call that submits <paramref name="method"/>: <c>&lt;T&gt;</c>, <c>&lt;T1, T2&gt;</c> ….</summary>
    public static string ResultArguments(RemoteMethodModel method) =>
        "<" + (method.ResultTypes.Count > 1 ? string.Join(", ", method.ResultTypes) : method.ResultType) + ">";

    /// <summary>
    /// The overloads to write, as bit masks over the <see cref="ParameterShape.Direct"/> parameters (bit set: that
    /// parameter is taken as a ref). See the class remarks for why.
    /// </summary>
    private static IEnumerable<int> OverloadMasks(RemoteMethodModel method)
    {
        var direct = method.Parameters.Count(p => p.Shape == ParameterShape.Direct);
        if (direct == 0)
        {
            return new[] { 0 };
        }

        var all = (1 << direct) - 1;
        return direct <= AllCombinationsLimit ? Enumerable.Range(0, all + 1) : new[] { 0, all };
    }
}
