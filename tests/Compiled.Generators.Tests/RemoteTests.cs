using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The typed remote members the generator adds to every pipeline (<c>{Pipeline}.Remote.g.cs</c>: extension methods on
/// <c>RemotePipeline&lt;TPipeline&gt;</c>) and the parameters record's JSON members (<c>{Project}Parameters.Remote.g.cs</c>),
/// against reviewed snapshots; and which pipelines get none.
/// </summary>
public sealed class RemoteTests
{
    /// <summary>One runtime input and an artifact: RunAsync, SweepAsync and BatchAsync.</summary>
    [Fact]
    public void PipelineWithOneRuntimeInput_Snapshot() => Match(MiniFlights.Run, "MiniFlights.PredictPipeline.Remote");

    /// <summary>No runtime input and several outputs: RunAsync and SweepAsync, no BatchAsync.</summary>
    [Fact]
    public void PipelineWithoutRuntimeInputs_Snapshot() => Match(MiniFlights.Run, "MiniFlights.DataSciencePipeline.Remote");

    /// <summary>A runtime input named <c>request</c>: the generated locals step aside.</summary>
    [Fact]
    public void InputNamedLikeALocal_Snapshot() => Match(Dispatch.Run, "Dispatch.EchoPipeline.Remote");

    /// <summary>
    /// The parameters record's JSON members (<c>IRemoteParameters&lt;TSelf&gt;</c>): nested generated records written and read
    /// inline, other values through the options' metadata; no reflection.
    /// </summary>
    [Fact]
    public void ParametersRecordJson_Snapshot() => Match(MiniFlights.Run, "MiniFlightsParameters.Remote");

    /// <summary>
    /// Two runtime inputs and a required and a defaulted <c>${runtime:…}</c> value: the values are parameters of every member
    /// (required first, as the local <c>Run</c> takes them) and travel beside the body; <c>BatchAsync</c> takes a generated
    /// <c>Inputs</c> record, one value of each runtime input per run.
    /// </summary>
    [Fact]
    public void PipelineWithRuntimeValuesAndSeveralInputs_Snapshot() => Match(Dispatch.Run, "Dispatch.QuotePipeline.Remote");

    /// <summary>No runtime input: no <c>BatchAsync</c> (a sweep varies the parameters).</summary>
    [Fact]
    public void PipelineWithoutRuntimeInputs_HasNoBatch() =>
        Assert.DoesNotContain("BatchAsync", Dispatch.Run.Source("Dispatch.TotalsPipeline.Remote.g.cs"), StringComparison.Ordinal);

    [Fact]
    public void RemoteMembersCompile()
    {
        MiniFlights.Run.AssertCompiles();
        Dispatch.Run.AssertCompiles();
    }

    private static void Match(GeneratorRun run, string name) => Snapshot.Match(run.Source(name + ".g.cs"), name);
}
