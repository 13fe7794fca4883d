using Compiled.Generators.Tests.Projects;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// How each node shape is called, stated line by line (the snapshots show the whole files): the
/// exact statement a human would write for it.
/// </summary>
public sealed class NodeShapeTests
{
    private static string DataProcessing => MiniFlights.Run.Source("MiniFlights.DataProcessingPipeline.g.cs");

    private static string DataScience => MiniFlights.Run.Source("MiniFlights.DataSciencePipeline.g.cs");

    private static string Reporting => MiniFlights.Run.Source("MiniFlights.ReportingPipeline.g.cs");

    private static string Predict => MiniFlights.Run.Source("MiniFlights.PredictPipeline.g.cs");

    private static INamedTypeSymbol Type(string name) =>
        MiniFlights.Run.OutputCompilation.GetTypeByMetadataName("MiniFlights." + name) ?? throw new InvalidOperationException($"No type {name}.");

    private static IMethodSymbol Method(string type, string name) => Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(Type(type).GetMembers(name)));

    [Fact]
    public void PipelineOfSyncNodes_HasRunAndRunAsync()
    {
        Assert.Equal("MiniFlights.DataProcessingPipeline.Result", Method("DataProcessingPipeline", "Run").ReturnType.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.ValueTask<MiniFlights.DataProcessingPipeline.Result>", Method("DataProcessingPipeline", "RunAsync").ReturnType.ToDisplayString());
        Assert.Contains("run.Load(catalog.Companies)", DataProcessing);
        Assert.Contains("await run.LoadAsync(catalog.Companies, cancellationToken).ConfigureAwait(false)", DataProcessing);
        Assert.Contains("run.Save(catalog.ModelInputTable, modelInputTable);", DataProcessing);
        Assert.Contains("await run.SaveAsync(catalog.ModelInputTable, modelInputTable, cancellationToken).ConfigureAwait(false);", DataProcessing);
    }

    [Fact]
    public void PipelineWithAsyncNodes_HasOnlyRunAsync()
    {
        Assert.Empty(Type("DataSciencePipeline").GetMembers("Run"));
        Assert.Empty(Type("ReportingPipeline").GetMembers("Run"));
        Assert.True(Method("DataSciencePipeline", "RunAsync").IsAsync);
        Assert.True(Method("ReportingPipeline", "RunAsync").IsAsync);
    }

    [Fact]
    public void NodesRunInDependencyOrder()
    {
        // create_model_input_table is declared last but needs both preprocessing nodes.
        Assert.Contains("private static readonly string[] s_nodeNames = [\"preprocess_companies\", \"preprocess_shuttles\", \"create_model_input_table\"];", DataProcessing);
        Assert.Contains("var modelInputTable = global::MiniFlights.DataProcessing.CreateModelInputTable(preprocessedShuttles, preprocessedCompanies);", DataProcessing);
    }

    [Fact]
    public void TupleNode_IsDeconstructedIntoOneLocalPerOutput() =>
        Assert.Contains("var (xTrain, xTest, yTrain, yTest) = global::MiniFlights.DataScience.SplitData(modelInputTable, parameters.ModelOptions);", DataScience);

    [Fact]
    public void NodeWithNoOutput_IsAStatement() =>
        Assert.Contains("            global::MiniFlights.Reporting.LogMetrics(metrics);\n", Reporting);

    [Fact]
    public void TaskNode_IsAwaited() =>
        Assert.Contains("            await global::MiniFlights.Reporting.PublishReport(report, parameters.Report.Channel, cancellationToken).ConfigureAwait(false);\n", Reporting);

    [Fact]
    public void ValueTaskOfTNode_IsAwaitedIntoALocal() =>
        Assert.Contains("var metrics = await global::MiniFlights.DataScience.EvaluateModel(regressor, xTest, yTest, cancellationToken).ConfigureAwait(false);", DataScience);

    [Fact]
    public void CancellationTokenParameter_ReceivesTheRunsToken()
    {
        Assert.Contains("EvaluateModel(regressor, xTest, yTest, cancellationToken)", DataScience);
        Assert.Contains("PublishReport(report, parameters.Report.Channel, cancellationToken)", Reporting);
    }

    [Fact]
    public void ParamBindings_ReadTheRunsParameters()
    {
        Assert.Contains("TrainModel(xTrain, yTrain, parameters.ModelOptions.Features)", DataScience);
        Assert.Contains("RenderReport(metrics, parameters.Report.Title)", Reporting);
    }

    [Fact]
    public void RuntimeInput_IsATypedParameterOfRun_AndIsNotLoaded()
    {
        foreach (var method in new[] { Method("PredictPipeline", "Run"), Method("PredictPipeline", "RunAsync") })
        {
            var first = method.Parameters[0];
            Assert.Equal(("features", "MiniFlights.Model.ShuttleFeatures", false), (first.Name, first.Type.ToDisplayString(), first.HasExplicitDefaultValue));
        }

        Assert.Contains("var prediction = global::MiniFlights.Inference.Predict(regressor, features);", Predict);
        Assert.DoesNotContain("catalog.Features", Predict);
    }

    [Fact]
    public void Artifact_IsReadFromTheSessionsSlot()
    {
        // The pipeline holds the session's slot; the unobserved run reads it directly, the observed one through the run (hooks see a load).
        Assert.Contains("_regressorArtifact = session.DeclareArtifact(\"regressor\", () => session.Catalog.Regressor);", Predict);
        Assert.Contains("regressor = _regressorArtifact.Get();", Predict); // RunLoading: in the try region of the node that reads it
        Assert.Contains("var regressor = _regressorArtifact.Get(run);", Predict);
        Assert.DoesNotContain("LoadArtifact", Predict);
        Assert.DoesNotContain("run.Load(catalog.Regressor)", Predict);
        Assert.DoesNotContain("run.LoadAsync(catalog.Regressor", Predict);
    }

    [Fact]
    public void RunParameters_AreOptional_AndTyped()
    {
        var run = Method("DataProcessingPipeline", "Run");
        var parameters = run.Parameters.Single(p => p.Name == "parameters");
        Assert.Equal("MiniFlights.MiniFlightsParameters?", parameters.Type.ToDisplayString());
        Assert.True(parameters.HasExplicitDefaultValue);
        Assert.Equal("string?", run.Parameters.Single(p => p.Name == "runId").Type.ToDisplayString());
        Assert.Equal("System.Threading.CancellationToken", run.Parameters.Single(p => p.Name == "cancellationToken").Type.ToDisplayString());
    }

    [Fact]
    public void Result_HoldsTheOutputsNoNodeConsumes()
    {
        Assert.Contains("public readonly record struct Result(global::MiniFlights.Model.ModelInputRow[] ModelInputTable);", DataProcessing);
        Assert.Contains("public readonly record struct Result(global::MiniFlights.Model.Metrics Metrics);", DataScience);
        Assert.Contains("public readonly record struct Result(double Prediction);", Predict);
    }
}
