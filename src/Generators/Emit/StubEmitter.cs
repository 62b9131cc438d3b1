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
/// <para><b>Collections, null, defaults, params.</b> A collection parameter also gets a <c>T</c> overload, the target of
/// a collection expression. A nullable parameter is taken as <c>Arg&lt;T&gt;?</c>, so a <c>null</c> literal passes
/// null. A parameter with a default value is declared <c>= default</c> and an unspecified <c>Arg&lt;T&gt;</c> becomes the
/// declared value, so named arguments may skip any of them (see <see cref="ArgForm"/>). A <c>params E[]</c> parameter
/// is taken as <c>params Arg&lt;E&gt;[]</c> (values and refs mixed, each ref a dependency, as Ray's <c>*args</c>), as
/// <c>E[]</c> and as <c>ObjectRef&lt;E&gt;[]</c>. In one overload only a suffix of parameters can keep defaults: a form
/// without one (<c>T</c> of a collection, <c>ObjectRef&lt;T&gt;</c>) makes every parameter before it required.</para>
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

        var forms = method.Parameters.Select(FormsOf).ToList();
        foreach (var overload in Overloads(forms))
        {
            var parameters = new List<string>();
            var arguments = new List<string>();
            var optional = true;
            for (var i = forms.Count - 1; i >= 0; i--)
            {
                var form = forms[i][overload[i]];
                var name = method.Parameters[i].Name;
                optional = optional && (form.IsParams || form.Optional is not null);
                if (optional && form.Optional is { } declared)
                {
                    parameters.Insert(0, declared.Type + " " + name + " = " + declared.Default);
                    arguments.Insert(0, declared.Argument);
                }
                else
                {
                    parameters.Insert(0, form.Type + " " + name);
                    arguments.Insert(0, form.Argument);
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
    /// The overloads to write, each as the index of the form every parameter takes. With at most
    /// <see cref="AllCombinationsLimit"/> parameters of several forms, every combination; with more, the combinations
    /// where all of them take their first form, all their second, and so on, so the count never explodes. The order
    /// counts up with the first parameter's form changing fastest.
    /// </summary>
    private static IEnumerable<int[]> Overloads(List<List<ParameterForm>> forms)
    {
        var several = Enumerable.Range(0, forms.Count).Where(i => forms[i].Count > 1).ToList();
        if (several.Count > AllCombinationsLimit)
        {
            var most = several.Max(i => forms[i].Count);
            for (var j = 0; j < most; j++)
            {
                yield return forms.Select(f => System.Math.Min(j, f.Count - 1)).ToArray();
            }

            yield break;
        }

        var overload = new int[forms.Count];
        while (true)
        {
            yield return (int[])overload.Clone();
            var digit = 0;
            while (digit < several.Count && ++overload[several[digit]] == forms[several[digit]].Count)
            {
                overload[several[digit++]] = 0;
            }

            if (digit == several.Count)
            {
                yield break;
            }
        }
    }

    /// <summary>The forms a stub takes <paramref name="p"/> in, one per overload family; see the class remarks.</summary>
    private static List<ParameterForm> FormsOf(ParameterModel p)
    {
        var arg = Names.Arg + "<" + p.Type + ">";
        var wrapped = "new " + arg + "(" + p.Name + ")";
        var valueWithDefault = p.DefaultValue is { } v ? new OptionalForm(p.Type, v, wrapped) : null;
        var argForm = ArgForm(p);
        switch (p.Shape)
        {
            case ParameterShape.ArgOrValue:
                return new List<ParameterForm> { argForm, new(p.Type, wrapped, null) };
            case ParameterShape.Direct:
                return new List<ParameterForm> { new(p.Type, wrapped, valueWithDefault), new(Names.ObjectRef + "<" + p.Type + ">", wrapped, null) };
            case ParameterShape.PassRef:
                return new List<ParameterForm> { new(p.Type, wrapped, valueWithDefault) };
            case ParameterShape.Params:
            case ParameterShape.DirectParams:
                var item = Names.Arg + "<" + p.ElementType + ">";
                var items = "global::System.Array.ConvertAll(" + p.Name + ", static item => new " + item + "(item))";
                var refs = new ParameterForm(Names.ObjectRef + "<" + p.ElementType + ">[]", items, null);
                return p.Shape == ParameterShape.Params
                    ? new List<ParameterForm> { new("params " + item + "[]", p.Name, null, IsParams: true), new(p.Type, items, null), refs }
                    : new List<ParameterForm> { new("params " + p.Type, items, null, IsParams: true), refs };
            default:
                return new List<ParameterForm> { argForm };
        }
    }

    /// <summary>
    /// The <c>Arg&lt;T&gt;</c> form. A default makes it <c>Arg&lt;T&gt; x = default</c>, and an unspecified
    /// <c>default(Arg&lt;T&gt;)</c> becomes the declared value. A nullable parameter takes <c>Arg&lt;T&gt;?</c> so a
    /// <c>null</c> literal passes null (with a default of null, omitting it passes null too). A nullable parameter with
    /// another default keeps <c>Arg&lt;T&gt; x = default</c>: a null literal would be indistinguishable from "omitted",
    /// so it does not compile there and the caller writes <c>(T)null</c>.
    /// </summary>
    private static ParameterForm ArgForm(ParameterModel p)
    {
        var arg = Names.Arg + "<" + p.Type + ">";
        if (p.IsNullable && p.DefaultValue is null or "null")
        {
            var asNull = p.Name + " ?? new " + arg + "(default(" + p.Type + "))";
            return new ParameterForm(arg + "?", asNull, p.DefaultValue is null ? null : new OptionalForm(arg + "?", "null", asNull));
        }

        return new ParameterForm(arg, p.Name, p.DefaultValue is null ? null
            : new OptionalForm(arg, "default", p.Name + ".IsSpecified ? " + p.Name + " : new " + arg + "(" + DefaultExpression(p) + ")"));
    }

    /// <summary>The default value as an expression of the parameter's type, to wrap in an <c>Arg&lt;T&gt;</c>.</summary>
    private static string DefaultExpression(ParameterModel p) =>
        p.DefaultValue == "default" ? "default(" + p.Type + ")"
        : p.DefaultValue!.StartsWith("(" + p.Type + ")", System.StringComparison.Ordinal) ? p.DefaultValue
        : "(" + p.Type + ")(" + p.DefaultValue + ")";

    /// <summary>One way a stub declares a parameter: its type, the holder argument it makes, and how it declares a default.</summary>
    private sealed record ParameterForm(string Type, string Argument, OptionalForm? Optional, bool IsParams = false);

    /// <summary>How a form declares the parameter when it keeps its default: type, default value and holder argument.</summary>
    private sealed record OptionalForm(string Type, string Default, string Argument);
}
