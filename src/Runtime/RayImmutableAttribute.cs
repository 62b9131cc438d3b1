using System;

namespace RaySharp;

/// <summary>
/// Declares that a type is deeply immutable, so the object store keeps and hands out its values by reference with
/// no copy, even when the source generator cannot prove it (private caches, lazily computed fields, types from
/// another assembly, interfaces and abstract classes whose implementations are all immutable).
/// </summary>
/// <remarks>
/// <para>Without it, a value whose type is not provably immutable is snapshotted on <see cref="Ray.Put{T}"/>, when it
/// is passed to a task, and when a task returns it, and every <c>Get</c> returns a fresh copy (Ray's contract: an
/// object in the store never changes).</para>
/// <para>This is a promise, not a check: if a value of the type is mutated after it is stored, every reader sees the
/// change. Not inherited: mark each derived type that is immutable too.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class RayImmutableAttribute : Attribute
{
}
