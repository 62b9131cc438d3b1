using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RaySharp.Generators.Model;
using RaySharp.Generators.Shared;

namespace RaySharp.Generators.Extraction;

/// <summary>What the referenced runtime offers the generated code (serialization, store registrations).</summary>
internal static class CompilationSupport
{
    /// <summary>True when the referenced runtime takes store registrations (<c>RaySharp.CompilerServices.ObjectSemantics</c>).</summary>
    public static bool SemanticsSupported(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return compilation.GetTypeByMetadataName(KnownNames.ObjectSemantics) is not null;
    }

    /// <summary>Whether serialization code can be generated, and which optional runtime formatters exist.</summary>
    public static SerializationSupport Support(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var enabled = compilation.GetTypeByMetadataName(KnownNames.RaySerializer) is not null
            && compilation.GetTypeByMetadataName(KnownNames.MessagePackFormatterOfT) is not null;
        var runtime = FormatterHelpers.RuntimeTypes.Where(n => compilation.GetTypeByMetadataName(n) is not null).ToEquatableArray();
        return new SerializationSupport(enabled, runtime);
    }
}
