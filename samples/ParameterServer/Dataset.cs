using System;
using System.Linq;

namespace ParameterServer;

/// <summary>A linear-regression problem made up on the spot: y = X·w* + noise, split into one partition per worker.</summary>
public sealed record Dataset(double[][] Features, double[] Targets)
{
    public int Dimensions => Features[0].Length;

    public static Dataset Generate(int samples, int dimensions, int seed)
    {
        var random = new Random(seed);
        var truth = Enumerable.Range(0, dimensions).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var features = new double[samples][];
        var targets = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            features[i] = Enumerable.Range(0, dimensions).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            targets[i] = Dot(features[i], truth) + (random.NextDouble() - 0.5) * 0.1;
        }

        return new Dataset(features, targets);
    }

    /// <summary>The rows of partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    public Dataset Partition(int index, int count)
    {
        var rows = Enumerable.Range(0, Targets.Length).Where(i => i % count == index).ToArray();
        return new Dataset(rows.Select(i => Features[i]).ToArray(), rows.Select(i => Targets[i]).ToArray());
    }

    /// <summary>Mean squared error of <paramref name="weights"/>.</summary>
    public double Loss(double[] weights) =>
        Features.Select((x, i) => Math.Pow(Dot(x, weights) - Targets[i], 2)).Average();

    /// <summary>The gradient of the mean squared error at <paramref name="weights"/>.</summary>
    public double[] Gradient(double[] weights)
    {
        var gradient = new double[weights.Length];
        for (var i = 0; i < Targets.Length; i++)
        {
            var error = Dot(Features[i], weights) - Targets[i];
            for (var j = 0; j < weights.Length; j++)
            {
                gradient[j] += 2 * error * Features[i][j] / Targets.Length;
            }
        }

        return gradient;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
