using System;
using RaySharp;

namespace ParameterServer;

/// <summary>
/// One shard of the parameter server: an actor that owns a slice of the weight vector. Workers pull the slice and
/// push gradients for it; calls run one at a time, so updates never race.
/// </summary>
[RayRemote]
public partial class ParameterShard
{
    private readonly double[] _weights;
    private readonly double _learningRate;
    private int _updates;

    public ParameterShard(int size, double learningRate)
    {
        _weights = new double[size];
        _learningRate = learningRate;
    }

    /// <summary>A copy of the shard's weights.</summary>
    public double[] Pull() => (double[])_weights.Clone();

    /// <summary>Applies one gradient step to the shard's slice and returns how many updates it has taken.</summary>
    public int Push(double[] gradient)
    {
        if (gradient.Length != _weights.Length)
        {
            throw new ArgumentException($"This shard holds {_weights.Length} weights, not {gradient.Length}.", nameof(gradient));
        }

        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] -= _learningRate * gradient[i];
        }

        return ++_updates;
    }
}
