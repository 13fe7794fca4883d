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

    /// <summary>
    /// Two runtime inputs, no runtime values: a single run hands the transport a tuple of them with the pipeline's shape, which
    /// asks about each type; the session registers the pipeline with its typed values; the contract reads them back by item.
    /// </summary>
    [Fact]
    public void SeveralInputsTravelTypedAsATuple()
    {
        var remote = Dispatch.Run.Source("Dispatch.ScalePipeline.Remote.g.cs");
        var contract = Dispatch.Run.Source("Dispatch.ScalePipeline.Contract.g.cs");

        Assert.Contains("global::Compiled.RemoteRunShape<(double, int?), double, global::Dispatch.ScalePipeline.Result> s_run", remote, StringComparison.Ordinal);
        Assert.Contains("static types => types.CanCarry<double>() && types.CanCarry<int>(),", remote, StringComparison.Ordinal);
        Assert.Contains("Request(options, runId, 0, parameters, inputs.Item1, inputs.Item2)", remote, StringComparison.Ordinal);
        Assert.Contains("return remote.RunAsync(s_run, (value, factor), runId, runParameters, cancellationToken);", remote, StringComparison.Ordinal);
        Assert.Contains("global::Compiled.IRemoteRunContract<global::Dispatch.ScalePipeline, (double, int?), double>", contract, StringComparison.Ordinal);
        Assert.Contains("value: inputs.Item1,", contract, StringComparison.Ordinal);
        Assert.Contains("factor: inputs.Item2,", contract, StringComparison.Ordinal);
        Assert.Contains("registry.Add<global::Dispatch.ScalePipeline, (double, int?), double>(static session => session.Scale);",
            Dispatch.Run.Source("DispatchSession.Contract.g.cs"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Runtime values (which travel beside the body) or no runtime input: the single run is JSON only, with no typed shape
    /// and no typed contract.
    /// </summary>
    [Theory]
    [InlineData("Dispatch.QuotePipeline")]
    [InlineData("Dispatch.TotalsPipeline")]
    public void PipelinesWithRuntimeValuesOrNoInputsTravelAsJsonOnly(string pipeline)
    {
        Assert.DoesNotContain("RemoteRunShape", Dispatch.Run.Source(pipeline + ".Remote.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("IRemoteRunContract", Dispatch.Run.Source(pipeline + ".Contract.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void RemoteMembersCompile()
    {
        MiniFlights.Run.AssertCompiles();
        Dispatch.Run.AssertCompiles();
    }

    private static void Match(GeneratorRun run, string name) => Snapshot.Match(run.Source(name + ".g.cs"), name);
}
