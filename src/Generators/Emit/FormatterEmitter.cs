using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Emit;

/// <summary>
/// Writes the assembly's one MessagePack resolver: a formatter for every type in a remote signature that MessagePack's
/// <c>BuiltinResolver</c> does not serve, registered with <c>RaySerializer.Register</c> at module initialization.
/// </summary>
/// <remarks>
/// The resolver answers <c>GetFormatter&lt;T&gt;()</c> from a generic static cache filled once per type through a
/// <c>Type</c> → index map and a <c>switch</c>: no reflection, no dynamic code, NativeAOT-clean. MessagePack's own
/// generic formatters serve collections, tuples, enums and nullables; user records, classes and structs get a
/// generated formatter that writes their members as an array and reads them back through their constructor and
/// settable members. All types here are file-local, so two assemblies' resolvers never collide.
/// </remarks>
internal static class FormatterEmitter
{
    private const string Formatter = "global::MessagePack.Formatters.IMessagePackFormatter";
    private const string Writer = "global::MessagePack.MessagePackWriter";
    private const string Reader = "global::MessagePack.MessagePackReader";
    private const string Options = "global::MessagePack.MessagePackSerializerOptions";
    private const string Verify = "global::MessagePack.FormatterResolverExtensions.GetFormatterWithVerify";

    /// <summary>Adds the resolver file, unless there is nothing to serve or the compilation lacks RaySerializer or MessagePack.</summary>
    public static void Emit(SourceProductionContext context, EquatableArray<FormatterSpec> specs, SerializationSupport support)
    {
        if (Write(specs, support) is { } writer)
        {
            context.AddSource(HintNames.Formatters, writer.ToSourceText());
        }
    }

    /// <summary>Writes the resolver file, or returns null when there is nothing to write.</summary>
    public static SourceWriter? Write(EquatableArray<FormatterSpec> specs, SerializationSupport support)
    {
        if (!support.Enabled)
        {
            return null;
        }

        var served = specs.Where(s => s.Requires is null || support.RuntimeTypes.Contains(s.Requires)).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var writer = new SourceWriter();
        FileScaffold.WriteHeader(writer);
        using (writer.Block("namespace RaySharp.Generated"))
        {
            WriteRegistration(writer);
            WriteResolver(writer, served);
            for (var i = 0; i < served.Count; i++)
            {
                if (served[i].Object is { } shape)
                {
                    WriteObjectFormatter(writer, FormatterName(i, served[i]), shape);
                }
            }

            var helpers = new HashSet<string>(served.Where(s => s.Helper is not null).Select(s => s.Helper!));
            foreach (var helper in FormatterHelpers.All.Where(helpers.Contains))
            {
                WriteHelper(writer, helper);
            }
        }

        return writer;
    }

    private static void WriteRegistration(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>Registers this assembly's formatters with RaySharp when the module loads.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("file static class RayFormatterRegistration"))
        {
            writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.WriteLine("internal static void Register() => global::RaySharp.Serialization.RaySerializer.Register(global::RaySharp.Generated.RayFormatterResolver.Instance);");
        }
    }

    private static void WriteResolver(SourceWriter writer, List<FormatterSpec> specs)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>Serves the formatters of the types in this assembly's remote signatures.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("file sealed class RayFormatterResolver : global::MessagePack.IFormatterResolver"))
        {
            writer.WriteLine("public static readonly global::RaySharp.Generated.RayFormatterResolver Instance = new();");
            writer.WriteLine();
            writer.WriteLine("private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, int> Indices = new(" + Literals.Number(specs.Count) + ")");
            using (writer.Block(closing: "};"))
            {
                for (var i = 0; i < specs.Count; i++)
                {
                    writer.WriteLine("{ typeof(" + specs[i].TypeKey + "), " + Literals.Number(i) + " },");
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine("public " + Formatter + "<T>? GetFormatter<T>() => Cache<T>.Formatter;");
            writer.WriteLine();
            using (writer.Block("private static object? Create(global::System.Type type)"))
            {
                using (writer.Block("if (!Indices.TryGetValue(type, out var index))"))
                {
                    writer.WriteLine("return null;");
                }

                writer.WriteLine();
                using (writer.Block("switch (index)"))
                {
                    for (var i = 0; i < specs.Count; i++)
                    {
                        var spec = specs[i];
                        writer.WriteLine("case " + Literals.Number(i) + ": return " + (spec.Construction ?? "new " + FormatterHelpers.Namespace + FormatterName(i, spec) + "()") + ";");
                    }

                    writer.WriteLine("default: return null;");
                }
            }

            writer.WriteLine();
            using (writer.Block("private static class Cache<T>"))
            {
                writer.WriteLine("public static readonly " + Formatter + "<T>? Formatter = (" + Formatter + "<T>?)Create(typeof(T));");
            }
        }
    }

    private static void WriteObjectFormatter(SourceWriter writer, string name, ObjectShape shape)
    {
        var type = shape.AnnotatedType;
        var members = shape.Members;
        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes <c>" + type.Replace("global::", string.Empty).TrimEnd('?') + "</c> as an array of its members; reads it back through its constructor.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("file sealed class " + name + " : " + Formatter + "<" + type + ">"))
        {
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public void Serialize(ref " + Writer + " writer, " + type + " value, " + Options + " options)"))
            {
                if (!shape.IsValueType)
                {
                    using (writer.Block("if (value is null)"))
                    {
                        writer.WriteLine("writer.WriteNil();");
                        writer.WriteLine("return;");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine("var resolver = options.Resolver;");
                writer.WriteLine("writer.WriteArrayHeader(" + Literals.Number(members.Count) + ");");
                foreach (var member in members)
                {
                    writer.WriteLine(Verify + "<" + member.Type + ">(resolver).Serialize(ref writer, value." + member.Name + ", options);");
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public " + type + " Deserialize(ref " + Reader + " reader, " + Options + " options)"))
            {
                if (!shape.IsValueType)
                {
                    using (writer.Block("if (reader.TryReadNil())"))
                    {
                        writer.WriteLine("return null;");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine("options.Security.DepthStep(ref reader);");
                writer.WriteLine("var resolver = options.Resolver;");
                for (var i = 0; i < members.Count; i++)
                {
                    writer.WriteLine(members[i].Type + " m" + Literals.Number(i) + " = default!;");
                }

                writer.WriteLine("var count = reader.ReadArrayHeader();");
                using (writer.Block("for (var i = 0; i < count; i++)"))
                {
                    using (writer.Block("switch (i)"))
                    {
                        for (var i = 0; i < members.Count; i++)
                        {
                            writer.WriteLine("case " + Literals.Number(i) + ":");
                            writer.Indentation++;
                            writer.WriteLine("m" + Literals.Number(i) + " = " + Verify + "<" + members[i].Type + ">(resolver).Deserialize(ref reader, options);");
                            writer.WriteLine("break;");
                            writer.Indentation--;
                        }

                        writer.WriteLine("default:");
                        writer.Indentation++;
                        writer.WriteLine("reader.Skip();");
                        writer.WriteLine("break;");
                        writer.Indentation--;
                    }
                }

                writer.WriteLine();
                writer.WriteLine("reader.Depth--;");
                writer.WriteLine("return " + Construction(shape) + ";");
            }
        }
    }

    private static string Construction(ObjectShape shape)
    {
        var arguments = new string[shape.ConstructorArity];
        var initializers = new List<string>();
        for (var i = 0; i < shape.Members.Count; i++)
        {
            var member = shape.Members[i];
            if (member.ConstructorIndex >= 0)
            {
                arguments[member.ConstructorIndex] = "m" + Literals.Number(i);
            }
            else
            {
                initializers.Add(member.Name + " = m" + Literals.Number(i));
            }
        }

        var text = new StringBuilder("new ").Append(shape.AnnotatedType.TrimEnd('?')).Append('(').Append(string.Join(", ", arguments.Select(a => a ?? "default!"))).Append(')');
        if (initializers.Count > 0)
        {
            text.Append(" { ").Append(string.Join(", ", initializers)).Append(" }");
        }

        return text.ToString();
    }

    private static string FormatterName(int index, FormatterSpec spec)
    {
        var builder = new StringBuilder("Formatter").Append(index.ToString(CultureInfo.InvariantCulture)).Append('_');
        foreach (var c in spec.TypeKey.Replace("global::", string.Empty))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private static void WriteHelper(SourceWriter writer, string helper)
    {
        const string Immutable = "global::System.Collections.Immutable.";
        writer.WriteLine();
        switch (helper)
        {
            case FormatterHelpers.ImmutableArray:
                WriteSequenceHelper(writer, helper, Immutable + "ImmutableArray<T>", nullable: false, "value.IsDefault", "value.Length",
                    "var builder = " + Immutable + "ImmutableArray.CreateBuilder<T>(count);", "builder.MoveToImmutable()");
                break;
            case FormatterHelpers.ImmutableList:
                WriteSequenceHelper(writer, helper, Immutable + "ImmutableList<T>", nullable: true, "value is null", "value.Count",
                    "var builder = " + Immutable + "ImmutableList.CreateBuilder<T>();", "builder.ToImmutable()");
                break;
            case FormatterHelpers.ImmutableHashSet:
                WriteSequenceHelper(writer, helper, Immutable + "ImmutableHashSet<T>", nullable: true, "value is null", "value.Count",
                    "var builder = " + Immutable + "ImmutableHashSet.CreateBuilder<T>(options.Security.GetEqualityComparer<T>());", "builder.ToImmutable()");
                break;
            case FormatterHelpers.ImmutableDictionary:
                WriteDictionaryHelper(writer);
                break;
        }
    }

    private static void WriteSequenceHelper(SourceWriter writer, string name, string type, bool nullable, string isNull, string count, string createBuilder, string result)
    {
        var annotated = nullable ? type + "?" : type;
        writer.WriteLine("/// <summary>Writes an immutable collection as a MessagePack array.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        using (writer.Block("file sealed class " + name + "<T> : " + Formatter + "<" + annotated + ">"))
        {
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public void Serialize(ref " + Writer + " writer, " + annotated + " value, " + Options + " options)"))
            {
                using (writer.Block("if (" + isNull + ")"))
                {
                    writer.WriteLine("writer.WriteNil();");
                    writer.WriteLine("return;");
                }

                writer.WriteLine();
                writer.WriteLine("var formatter = " + Verify + "<T>(options.Resolver);");
                writer.WriteLine("writer.WriteArrayHeader(" + count + ");");
                using (writer.Block("foreach (var item in value)"))
                {
                    writer.WriteLine("formatter.Serialize(ref writer, item, options);");
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public " + annotated + " Deserialize(ref " + Reader + " reader, " + Options + " options)"))
            {
                using (writer.Block("if (reader.TryReadNil())"))
                {
                    writer.WriteLine(nullable ? "return null;" : "return default;");
                }

                writer.WriteLine();
                writer.WriteLine("options.Security.DepthStep(ref reader);");
                writer.WriteLine("var formatter = " + Verify + "<T>(options.Resolver);");
                writer.WriteLine("var count = reader.ReadArrayHeader();");
                writer.WriteLine(createBuilder);
                using (writer.Block("for (var i = 0; i < count; i++)"))
                {
                    writer.WriteLine("builder.Add(formatter.Deserialize(ref reader, options));");
                }

                writer.WriteLine();
                writer.WriteLine("reader.Depth--;");
                writer.WriteLine("return " + result + ";");
            }
        }
    }

    private static void WriteDictionaryHelper(SourceWriter writer)
    {
        const string Type = "global::System.Collections.Immutable.ImmutableDictionary<TKey, TValue>";
        writer.WriteLine("/// <summary>Writes an immutable dictionary as a MessagePack map.</summary>");
        FileScaffold.WriteAttributes(writer, plumbing: true);
        writer.WriteLine("file sealed class " + FormatterHelpers.ImmutableDictionary + "<TKey, TValue> : " + Formatter + "<" + Type + "?>");
        writer.Indentation++;
        writer.WriteLine("where TKey : notnull");
        writer.Indentation--;
        using (writer.Block())
        {
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public void Serialize(ref " + Writer + " writer, " + Type + "? value, " + Options + " options)"))
            {
                using (writer.Block("if (value is null)"))
                {
                    writer.WriteLine("writer.WriteNil();");
                    writer.WriteLine("return;");
                }

                writer.WriteLine();
                writer.WriteLine("var keys = " + Verify + "<TKey>(options.Resolver);");
                writer.WriteLine("var values = " + Verify + "<TValue>(options.Resolver);");
                writer.WriteLine("writer.WriteMapHeader(value.Count);");
                using (writer.Block("foreach (var pair in value)"))
                {
                    writer.WriteLine("keys.Serialize(ref writer, pair.Key, options);");
                    writer.WriteLine("values.Serialize(ref writer, pair.Value, options);");
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            using (writer.Block("public " + Type + "? Deserialize(ref " + Reader + " reader, " + Options + " options)"))
            {
                using (writer.Block("if (reader.TryReadNil())"))
                {
                    writer.WriteLine("return null;");
                }

                writer.WriteLine();
                writer.WriteLine("options.Security.DepthStep(ref reader);");
                writer.WriteLine("var keys = " + Verify + "<TKey>(options.Resolver);");
                writer.WriteLine("var values = " + Verify + "<TValue>(options.Resolver);");
                writer.WriteLine("var count = reader.ReadMapHeader();");
                writer.WriteLine("var builder = global::System.Collections.Immutable.ImmutableDictionary.CreateBuilder<TKey, TValue>(options.Security.GetEqualityComparer<TKey>());");
                using (writer.Block("for (var i = 0; i < count; i++)"))
                {
                    writer.WriteLine("var key = keys.Deserialize(ref reader, options);");
                    writer.WriteLine("builder[key] = values.Deserialize(ref reader, options);");
                }

                writer.WriteLine();
                writer.WriteLine("reader.Depth--;");
                writer.WriteLine("return builder.ToImmutable();");
            }
        }
    }
}
