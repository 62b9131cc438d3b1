using System;
using RaySharp.Generators.Emit;
using Xunit;

namespace RaySharp.Generators.Tests;

public sealed class SourceWriterTests
{
    [Fact]
    public void Blocks_indent_and_multi_line_text_is_reindented()
    {
        var writer = new SourceWriter();
        using (writer.Block("class C"))
        {
            writer.WriteLine("int A;\n\nint B;");
        }

        Assert.Equal("class C\n{\n    int A;\n\n    int B;\n}\n", writer.ToSourceText().ToString());
    }

    [Fact]
    public void Taking_the_text_with_an_open_block_fails()
    {
        var writer = new SourceWriter();
        writer.Block("class C");

        Assert.ThrowsAny<Exception>(() => writer.ToSourceText());
    }

    [Fact]
    public void Negative_indentation_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceWriter().Indentation = -1);
}
