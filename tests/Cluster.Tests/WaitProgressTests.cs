using System;
using System.IO;
using RaySharp.Cli;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>The CLI's progress while it waits: a spinner line on a terminal, plain lines when redirected.</summary>
public sealed class WaitProgressTests
{
    [Fact]
    public void Redirected_output_says_what_it_waits_for_once_then_a_plain_line_every_five_seconds()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new WaitProgress(output, terminal: false, "waiting for the node to join");

        for (var second = 1; second <= 11; second++)
        {
            progress.Report(TimeSpan.FromSeconds(second));
        }

        progress.End();

        Assert.Equal(
            "  waiting for the node to join…\n"
            + "  still waiting for the node to join (5 s)…\n"
            + "  still waiting for the node to join (10 s)…\n",
            output.ToString());
    }

    [Fact]
    public void A_terminal_sees_one_spinner_line_redrawn_in_place_and_erased_at_the_end()
    {
        var output = new StringWriter();
        var progress = new WaitProgress(output, terminal: true, "waiting for the node to join");

        progress.Report(TimeSpan.FromSeconds(1));
        progress.Report(TimeSpan.FromSeconds(2));
        var drawn = output.ToString();
        progress.End();

        Assert.Equal("\r  | waiting for the node to join (1 s)\r  / waiting for the node to join (2 s)", drawn);
        Assert.DoesNotContain('\n', output.ToString());
        Assert.EndsWith("\r" + new string(' ', "  / waiting for the node to join (2 s)".Length) + "\r", output.ToString(), StringComparison.Ordinal);
    }
}
