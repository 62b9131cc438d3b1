using RaySharp;

namespace Consumer;

/// <summary>
/// One deliberate RAY0103 violation, never called: check-package.sh asserts that the package's analyzers report it as
/// <c>warning RAY0103</c> in <c>dotnet build</c> output, and that an <c>.editorconfig</c> severity override turns it into an
/// error. Consumer.csproj keeps RAY0103 a warning (WarningsNotAsErrors) while every other warning fails the build.
/// </summary>
public static class PlantedWarning
{
    /// <summary>Gets each square inside the loop that submits it: the tasks run one after another.</summary>
    public static int SumOfSquares(int n)
    {
        var sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += Ray.Get(Calc.Remote.Square(i), System.TimeSpan.FromSeconds(30));
        }

        return sum;
    }
}
