using System;
using System.ComponentModel;

namespace RaySharp.CompilerServices;

/// <summary>The arguments of a one-parameter remote function. For generated code and the low-level API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Args<T1>(Arg<T1> arg1) : TaskArgs
{
    /// <summary>The first argument.</summary>
    public Arg<T1> Arg1 { get; } = arg1;

    /// <inheritdoc />
    public override int DependencyCount => Arg1.IsRef ? 1 : 0;

    /// <inheritdoc />
    public override ObjectRef GetDependency(int index) =>
        index == 0 && Arg1.Ref is { } r ? r : throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>The arguments of a two-parameter remote function. For generated code and the low-level API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Args<T1, T2>(Arg<T1> arg1, Arg<T2> arg2) : TaskArgs
{
    /// <summary>The first argument.</summary>
    public Arg<T1> Arg1 { get; } = arg1;

    /// <summary>The second argument.</summary>
    public Arg<T2> Arg2 { get; } = arg2;

    /// <inheritdoc />
    public override int DependencyCount => (Arg1.IsRef ? 1 : 0) + (Arg2.IsRef ? 1 : 0);

    /// <inheritdoc />
    public override ObjectRef GetDependency(int index) =>
        Dependencies.Pick(index, Arg1.Ref, Arg2.Ref);
}

/// <summary>The arguments of a three-parameter remote function. For generated code and the low-level API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Args<T1, T2, T3>(Arg<T1> arg1, Arg<T2> arg2, Arg<T3> arg3) : TaskArgs
{
    /// <summary>The first argument.</summary>
    public Arg<T1> Arg1 { get; } = arg1;

    /// <summary>The second argument.</summary>
    public Arg<T2> Arg2 { get; } = arg2;

    /// <summary>The third argument.</summary>
    public Arg<T3> Arg3 { get; } = arg3;

    /// <inheritdoc />
    public override int DependencyCount => (Arg1.IsRef ? 1 : 0) + (Arg2.IsRef ? 1 : 0) + (Arg3.IsRef ? 1 : 0);

    /// <inheritdoc />
    public override ObjectRef GetDependency(int index) =>
        Dependencies.Pick(index, Arg1.Ref, Arg2.Ref, Arg3.Ref);
}
