using System;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>Where an invoker's <c>Return…</c> calls land: staged results, streamed items, a new actor's instance.</summary>
internal sealed partial class LocalTask
{
    private protected override void SetActorInstance(object instance)
    {
        if (Role != TaskRole.ActorCreation)
        {
            throw new InvalidOperationException($"'{_function.Name}' is not an actor constructor; only constructors return an actor instance.");
        }

        SetResult(0, Unit.Value);
        TargetActor!.StageInstance(instance);
    }

    private protected override void SetResult<T>(int index, T value)
    {
        var entry = index == 0 ? _result : Outputs is { } outputs && index <= outputs.Entries.Length ? outputs.Entries[index - 1] : null;
        if (entry is not null && ExtrasIfAny?.Staging is { } staging)
        {
            entry = staging[index] ??= entry.NewStaging();
        }

        if (entry is not ObjectEntry<T> typed)
        {
            throw new InvalidOperationException(
                $"Remote function '{_function.Name}' returned {typeof(T).Name} as result {index}, but its caller expects a different type "
                + "or fewer results. The stub and the invoker disagree.");
        }

        typed.Stage(value);
        _resultStaged = true;
    }

    /// <summary>The winning attempt of an isolated actor call moves what it staged into the shared entries.</summary>
    private void AdoptStagedResults()
    {
        if (ExtrasIfAny?.Staging is not { } staging)
        {
            return;
        }

        for (var i = 0; i < staging.Length; i++)
        {
            if (staging[i] is { } staged)
            {
                (i == 0 ? _result : Outputs!.Entries[i - 1]).AdoptStaged(staged);
            }
        }
    }

    private protected override void AppendStreamItem<T>(T item)
    {
        if (Outputs?.Stream is not ObjectRefGenerator<T> stream)
        {
            throw new InvalidOperationException(
                $"Remote function '{_function.Name}' streamed {typeof(T).Name} items, but its caller did not submit it as a stream of that type. The stub and the invoker disagree.");
        }

        // A cancelled stream stops at its next item, even when the generator ignores its token.
        Objects.Interruption.ThrowIfInterrupted(this);
        stream.Append(item, Backend.Store);
    }
}
