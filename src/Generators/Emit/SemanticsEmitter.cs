using Microsoft.CodeAnalysis;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Emit;

/// <summary>
/// Writes the assembly's store registrations: for every parameter and return type of its remote methods, how the
/// object store keeps values of it (by reference, read-only buffer, array block copy, or MessagePack snapshot), as
/// <see cref="ImmutabilityRules"/> decided at compile time. Registered at module initialization with direct generic
/// calls: no reflection, NativeAOT-clean.
/// </summary>
internal static class SemanticsEmitter
{
    private const string Api = "global::RaySharp.CompilerServices.ObjectSemantics.";
    private const string Mode = "global::RaySharp.CompilerServices.ObjectCopyMode.";

    /// <summary>Adds the registration file, unless there is nothing to register or the runtime takes no registrations.</summary>
    public static void Emit(SourceProductionContext context, EquatableArray<StoreSpec> specs, bool supported)
    {
        if (Write(specs, supported) is { } writer)
        {
            context.AddSource(HintNames.Semantics, writer.ToSourceText());
        }
    }

    /// <summary>Writes the registration file, or returns null when there is nothing to write.</summary>
    public static SourceWriter? Write(EquatableArray<StoreSpec> specs, bool supported)
    {
        if (!supported || specs.IsEmpty)
        {
            return null;
        }

        var writer = new SourceWriter();
        FileScaffold.WriteHeader(writer);
        using (writer.Block("namespace RaySharp.Generated"))
        {
            writer.WriteLine("/// <summary>Tells the object store, when the module loads, which of this assembly's signature types it may keep by reference.</summary>");
            FileScaffold.WriteAttributes(writer, plumbing: true);
            using (writer.Block("file static class RayObjectSemanticsRegistration"))
            {
                writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
                using (writer.Block("internal static void Register()"))
                {
                    foreach (var spec in specs)
                    {
                        writer.WriteLine(spec.Kind switch
                        {
                            StoreKind.ReadOnlyBuffer => Api + "RegisterReadOnlyBuffer<" + spec.Element + ">();",
                            StoreKind.ByReference => Api + "Register<" + spec.TypeKey + ">(" + Mode + "ByReference);",
                            StoreKind.CloneArray => Api + "Register<" + spec.TypeKey + ">(" + Mode + "CloneArray);",
                            _ => Api + "Register<" + spec.TypeKey + ">(" + Mode + "Serialize);",
                        });
                    }
                }
            }
        }

        return writer;
    }
}
