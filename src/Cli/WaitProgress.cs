using System;
using System.Globalization;
using System.IO;

namespace RaySharp.Cli;

/// <summary>
/// What a person sees while the CLI waits (a node joining, a cluster answering). On a terminal: one line that a spinner
/// and the seconds waited redraw in place, erased when the wait ends. Redirected (a log, a pipe, CI): plain lines, the
/// message once and then a "still waiting" line every <see cref="PlainEvery"/>, never a control character.
/// </summary>
internal sealed class WaitProgress
{
    /// <summary>How often redirected output says it is still waiting.</summary>
    public static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private static readonly string[] Frames = ["|", "/", "-", "\\"];
    private readonly TextWriter _output;
    private readonly bool _terminal;
    private readonly string _message;
    private int _frame;
    private int _drawn;
    private TimeSpan _lastPlain;

    public WaitProgress(TextWriter output, bool terminal, string message)
    {
        _output = output;
        _terminal = terminal;
        _message = message;
        if (!terminal)
        {
            _output.WriteLine($"  {message}…");
        }
    }

    /// <summary>For the console: a spinner when standard output is a terminal, plain lines when it is redirected.</summary>
    public static WaitProgress OnConsole(string message) => new(Console.Out, !Console.IsOutputRedirected, message);

    /// <summary>Says how long the wait has lasted.</summary>
    public void Report(TimeSpan waited)
    {
        if (_terminal)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"  {Frames[_frame++ % Frames.Length]} {_message} ({waited.TotalSeconds:0} s)");
            _output.Write("\r" + line.PadRight(_drawn));
            _drawn = line.Length;
            _output.Flush();
        }
        else if (waited - _lastPlain >= PlainEvery)
        {
            _lastPlain = waited;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  still {_message} ({waited.TotalSeconds:0} s)…"));
        }
    }

    /// <summary>The wait is over: a terminal's spinner line is erased, so what follows starts on a clean line.</summary>
    public void End()
    {
        if (_terminal && _drawn > 0)
        {
            _output.Write("\r" + new string(' ', _drawn) + "\r");
            _output.Flush();
            _drawn = 0;
        }
    }
}
