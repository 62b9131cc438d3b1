using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace RaySharp.Analyzers.Tests.Verifiers;

/// <summary>What every test compilation references, offline: .NET 10 reference assemblies, RaySharp and MessagePack.</summary>
public static class TestReferences
{
    /// <summary>
    /// A target framework with no reference package: <c>ReferenceAssemblies.Net.Net100</c> would download
    /// Microsoft.NETCore.App.Ref, which the package feed here does not serve. <see cref="All"/> supplies the assemblies instead.
    /// </summary>
    public static readonly ReferenceAssemblies ReferenceAssemblies = new("net10.0");

    /// <summary>Basic.Reference.Assemblies for .NET 10, the built RaySharp runtime, and MessagePack (which it exposes).</summary>
    public static readonly ImmutableArray<MetadataReference> All =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(RayRemoteAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(MessagePack.MessagePackSerializer).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(MessagePack.MessagePackObjectAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary>The parse options of the generator-and-analyzer tests: the newest language version, as the SDK's compiler has.</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
}
