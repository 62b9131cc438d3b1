using System;

namespace RaySharp.Properties.Tests;

/// <summary>A fresh runtime for one generated case, made current for the case's code.</summary>
internal sealed class CaseRuntime : IDisposable
{
    private readonly IDisposable _scope;

    public CaseRuntime(RayOptions options)
    {
        Runtime = new RayRuntime(options);
        _scope = Runtime.MakeCurrent();
    }

    public RayRuntime Runtime { get; }

    public void Dispose()
    {
        _scope.Dispose();
        Runtime.Dispose();
    }
}
