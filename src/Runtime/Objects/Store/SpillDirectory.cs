using System;
using System.IO;

namespace RaySharp.Objects.Store;

/// <summary>
/// One runtime's spill files: <c>{parent}/raysharp-spill-{owner}/{object id}.msgpack</c>, one file per spilled object:
/// its MessagePack bytes and a trailer with their length and checksum (<see cref="SpillFileFormat"/>). The directory
/// is created on the first spill and deleted, with everything in it, at shutdown.
/// </summary>
internal sealed class SpillDirectory(string parent, ulong owner)
{
    public string Path { get; } = System.IO.Path.Combine(parent, "raysharp-spill-" + owner.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Streams the MessagePack form of <paramref name="entry"/>'s value into its spill file and returns the file and its
    /// size (trailer included). A failure (the disk refuses, or the formatter throws) deletes the partial file and rethrows.
    /// </summary>
    public (string File, long Bytes) Write(ObjectId id, ObjectRef entry)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, id + ".msgpack");
        try
        {
            using var writer = new SpillFileWriter(file);
            entry.WriteValue(writer);
            return (file, writer.Complete());
        }
        catch
        {
            TryDelete(file);
            throw;
        }
    }

    /// <summary>The MessagePack payload of a spill file, checked against its trailer.</summary>
    /// <exception cref="InvalidDataException">The file was cut short or changed on disk.</exception>
    public static ReadOnlyMemory<byte> Read(string file) => SpillFileFormat.Payload(File.ReadAllBytes(file), file);

    /// <summary>Deletes one spill file; a failure leaves it for <see cref="DeleteAll"/> at shutdown.</summary>
    public static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void DeleteAll()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
