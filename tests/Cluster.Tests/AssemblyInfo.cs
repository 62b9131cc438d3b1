using Xunit;

// The classes share ClusterFunctions' gate, and each starts a cluster of its own: one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
