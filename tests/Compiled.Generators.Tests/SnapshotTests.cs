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

    /// <summary>Node-by-node steps of a sync pipeline: csv loads, saves, a tag in the graph.</summary>
    [Fact]
    public void SyncPipelineSteps() => Match("MiniFlights.DataProcessingPipeline.Steps");

    /// <summary>Steps of an async pipeline: a tuple node deconstructed into fields, a ValueTask node with a token, in-memory datasets.</summary>
    [Fact]
    public void AsyncPipelineSteps() => Match("MiniFlights.DataSciencePipeline.Steps");

    /// <summary>Steps of void and Task nodes.</summary>
    [Fact]
    public void PipelineWithVoidAndTaskNodesSteps() => Match("MiniFlights.ReportingPipeline.Steps");

    /// <summary>Steps of a pipeline with a runtime input (no straight-line RunAllAsync) and an artifact.</summary>
    [Fact]
    public void PipelineWithRuntimeInputAndArtifactSteps() => Match("MiniFlights.PredictPipeline.Steps");

    /// <summary>The session's list of pipelines, for the command line.</summary>
    [Fact]
    public void SessionPipelines() => Match("MiniFlightsSession.Pipelines");

    [Fact]
    public void GeneratesExactlyTheSnapshottedFiles() =>
        Assert.Equal(
            [
                "MiniFlights.DataProcessingPipeline.Contract.g.cs", "MiniFlights.DataProcessingPipeline.Remote.g.cs", "MiniFlights.DataProcessingPipeline.Steps.g.cs", "MiniFlights.DataProcessingPipeline.g.cs",
                "MiniFlights.DataSciencePipeline.Contract.g.cs", "MiniFlights.DataSciencePipeline.Remote.g.cs", "MiniFlights.DataSciencePipeline.Steps.g.cs", "MiniFlights.DataSciencePipeline.g.cs",
                "MiniFlights.PredictPipeline.Contract.g.cs", "MiniFlights.PredictPipeline.Remote.g.cs", "MiniFlights.PredictPipeline.Steps.g.cs", "MiniFlights.PredictPipeline.g.cs",
                "MiniFlights.ReportingPipeline.Contract.g.cs", "MiniFlights.ReportingPipeline.Remote.g.cs", "MiniFlights.ReportingPipeline.Steps.g.cs", "MiniFlights.ReportingPipeline.g.cs",
                "MiniFlightsCatalog.g.cs", "MiniFlightsParameters.Remote.g.cs", "MiniFlightsParameters.g.cs", "MiniFlightsSession.Contract.g.cs", "MiniFlightsSession.Pipelines.g.cs", "MiniFlightsSession.g.cs",
            ],
            MiniFlights.Run.Sources.Keys.Order(StringComparer.Ordinal));

    private static void Match(string name) => Snapshot.Match(MiniFlights.Run.Source(name + ".g.cs"), name);
}
