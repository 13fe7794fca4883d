using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The code the generator writes for the MiniFlights project, file by file, against reviewed
/// snapshots in <c>Snapshots/</c>. A change to the emitted code fails here until its snapshot is
/// reviewed and accepted (see <see cref="Snapshot"/>).
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Catalog() => Match("MiniFlightsCatalog");

    [Fact]
    public void Parameters() => Match("MiniFlightsParameters");

    [Fact]
    public void Session() => Match("MiniFlightsSession");

    /// <summary>All nodes synchronous: both <c>Run</c> and <c>RunAsync</c>, csv loads and saves.</summary>
    [Fact]
    public void SyncPipeline() => Match("MiniFlights.DataProcessingPipeline");

    /// <summary>A tuple node, a <c>ValueTask&lt;T&gt;</c> node taking a <c>CancellationToken</c>, a [Param] record and a dotted [Param].</summary>
    [Fact]
    public void AsyncPipelineWithTupleNode() => Match("MiniFlights.DataSciencePipeline");

    /// <summary>A node with no output, a <c>Task</c> node, and parameters from a generated nested record.</summary>
    [Fact]
    public void PipelineWithVoidAndTaskNodes() => Match("MiniFlights.ReportingPipeline");

    /// <summary>A runtime input (<c>Inputs = ["features"]</c>) and an artifact (<c>Artifacts = ["regressor"]</c>).</summary>
    [Fact]
    public void PipelineWithRuntimeInputAndArtifact() => Match("MiniFlights.PredictPipeline");

    [Fact]
    public void GeneratesExactlyTheSnapshottedFiles() =>
        Assert.Equal(
            [
                "MiniFlights.DataProcessingPipeline.Contract.g.cs", "MiniFlights.DataProcessingPipeline.g.cs",
                "MiniFlights.DataSciencePipeline.Contract.g.cs", "MiniFlights.DataSciencePipeline.g.cs",
                "MiniFlights.PredictPipeline.Contract.g.cs", "MiniFlights.PredictPipeline.g.cs",
                "MiniFlights.ReportingPipeline.Contract.g.cs", "MiniFlights.ReportingPipeline.g.cs",
                "MiniFlightsCatalog.g.cs", "MiniFlightsParameters.g.cs", "MiniFlightsSession.Contract.g.cs", "MiniFlightsSession.g.cs",
            ],
            MiniFlights.Run.Sources.Keys);

    private static void Match(string name) => Snapshot.Match(MiniFlights.Run.Source(name + ".g.cs"), name);
}
