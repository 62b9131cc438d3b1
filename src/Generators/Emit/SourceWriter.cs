using System;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace RaySharp.Generators.Emit;

/// <summary>
/// An indented text writer for generated C#: four spaces per level, <see cref="WriteLine(string)"/> re-indents every
/// line of a multi-line string, and <see cref="Block"/> writes a braced block that closes on dispose.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>The current indentation level.</summary>
    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                Throw();
            }

            _indentation = value;

            static void Throw() => throw new ArgumentOutOfRangeException(nameof(value), "Indentation cannot be negative.");
        }
    }

    /// <summary>Writes <paramref name="text"/> and a newline, indenting each of its lines; empty lines stay empty.</summary>
    public void WriteLine(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            line = line.TrimEnd('\r');
            if (line.Length > 0)
            {
                _builder.Append(' ', _indentation * IndentSize).Append(line);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <paramref name="header"/> (when given), then <c>{</c>, and indents until the result is disposed, which writes <c>}</c>.</summary>
    public BlockScope Block(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indentation++;
        return new BlockScope(this, closing);
    }

    /// <summary>The text written so far; indentation must be back at zero.</summary>
    public SourceText ToSourceText()
    {
        Debug.Assert(_indentation == 0, "Every block must be closed before the source is taken.");
        if (_indentation != 0)
        {
            throw new InvalidOperationException($"Indentation is {_indentation}, not 0: a block was left open.");
        }

        return SourceText.From(_builder.ToString(), Encoding.UTF8);
    }

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();

    /// <summary>Closes a <see cref="Block"/>.</summary>
    public readonly struct BlockScope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        internal BlockScope(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        /// <summary>Outdents and writes the closing brace.</summary>
        public void Dispose()
        {
            _writer._indentation--;
            _writer.WriteLine(_closing);
        }
    }
}
