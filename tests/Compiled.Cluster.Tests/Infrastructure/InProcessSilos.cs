namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>
/// The test classes whose silos run in this process, one after the other: the Grid nodes count what they see (runs
/// cancelled, loads) in process-wide counters that a class's assertions read.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessSilos
{
    public const string Name = "In-process silos";
}
