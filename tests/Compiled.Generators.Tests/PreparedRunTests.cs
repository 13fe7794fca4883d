using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// <c>Prepare</c> and the nested <c>Prepared</c> run (issue #16, docs/prepared-runs.md): generated for every pipeline whose
/// runs are in memory and that declares an artifact (several artifacts, a value-type artifact, an unattributed pipeline,
/// a namespaced include, an artifact first read by a later node), and for no other; <c>Run</c> tests every slot up front
/// only when its first node reads every artifact; the generated code compiles without warnings. Behaviour is in
/// Compiled.Session.Tests (PreparedRunTests).
/// </summary>
public sealed class PreparedRunTests
{
    private const string Nodes = """
        using Compiled;

        namespace Serving;

        public sealed record Model(double Weight);

        public static class ScoreNodes
        {
            [Node(Output = "scaled")]
            public static double Scale(double raw, Model model, double bias, [Param("factor")] double factor) => raw * model.Weight * factor + bias;

            [Node(Output = "score")]
            public static double Offset(double scaled, double bias, [Param("factor")] double factor) => scaled + bias * factor;
        }

        public static class AsyncNodes
        {
            [Node(Output = "async_score")]
            public static async Task<double> Score(double raw, Model model) { await Task.Yield(); return raw * model.Weight; }
        }

        public static class SavingNodes
        {
            [Node(Output = "saved_score")]
            public static double Save(double raw, Model model) => raw * model.Weight;
        }

        public static class LateNodes
        {
            [Node(Output = "late_scaled")]
            public static double Scale(double raw, [Param("factor")] double factor) => raw * factor;

            [Node(Output = "late_score")]
            public static double Score(double lateScaled, Model model) => lateScaled * model.Weight;
        }

        public static class PlainNodes
        {
            [Node(Output = "plain_score")]
            public static double Score(double raw, [Param("factor")] double factor) => raw * factor;
        }

        [Pipeline(typeof(ScoreNodes), Inputs = ["raw"], Artifacts = ["model", "bias"])]
        public sealed partial class ScorePipeline;

        [Pipeline(typeof(ScoreNodes), Name = "score_unattributed", Inputs = ["raw"], Artifacts = ["model", "bias"], AttributeFailures = false)]
        public sealed partial class UnattributedPipeline;

        [Pipeline(Name = "namespaced")]
        [Include(typeof(ScorePipeline), Namespace = "eu", Inputs = ["raw"], Parameters = ["factor"])]
        public sealed partial class NamespacedPipeline;

        [Pipeline(typeof(AsyncNodes), Inputs = ["raw"], Artifacts = ["model"])]
        public sealed partial class AsyncPipeline;

        [Pipeline(typeof(SavingNodes), Inputs = ["raw"], Artifacts = ["model"])]
        public sealed partial class SavingPipeline;

        [Pipeline(typeof(LateNodes), Inputs = ["raw"], Artifacts = ["model"])]
        public sealed partial class LatePipeline;

        [Pipeline(typeof(PlainNodes), Inputs = ["raw"])]
        public sealed partial class PlainPipeline;
        """;

    private const string Catalog = """
        model:
          type: memory
        bias:
          type: memory
        eu.model:
          type: memory
        eu.bias:
          type: memory
        saved_score:
          type: json
          filepath: data/saved_score.json
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Serving")
        .WithSource("Serving.cs", Nodes)
        .WithConfig("conf/base/parameters.yml", "factor: 2.0\n")
        .WithConfig("conf/base/catalog.yml", Catalog)));

    private static string Source(string pipeline) => Run.Value.Source($"Serving.{pipeline}.g.cs");

    /// <summary>The prepared run's hot <c>Run</c>, up to its <c>RunObserved</c>.</summary>
    private static string PreparedHotBody(string pipeline)
    {
        var source = Source(pipeline);
        var start = source.IndexOf("public readonly struct Prepared", StringComparison.Ordinal);
        var run = source.IndexOf("public Result Run(", start, StringComparison.Ordinal);
        var end = source.IndexOf("private Result RunObserved(", run, StringComparison.Ordinal);
        Assert.True(start >= 0 && run > start && end > run, $"No Prepared.Run in {pipeline}:\n{source}");
        return source[run..end];
    }

    [Fact]
    public void Compiles_without_warnings()
    {
        Run.Value.AssertCompiles();
        var warnings = Run.Value.CompilationDiagnostics
            .Where(d => d.Location.SourceTree is { } tree && !Run.Value.InputCompilation.SyntaxTrees.Contains(tree))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [Theory]
    [InlineData("ScorePipeline", true)]
    [InlineData("UnattributedPipeline", true)]
    [InlineData("NamespacedPipeline", true)]
    [InlineData("LatePipeline", true)]
    [InlineData("AsyncPipeline", false)] // an asynchronous node: no synchronous Run to prepare
    [InlineData("SavingPipeline", false)] // saves through the catalog: a run context per run anyway
    [InlineData("PlainPipeline", false)] // no artifact: Run already reads the parameters from fields
    public void Prepare_is_generated_for_in_memory_pipelines_with_artifacts(string pipeline, bool prepared)
    {
        var source = Source(pipeline);
        Assert.Equal(prepared, source.Contains("public Prepared Prepare(", StringComparison.Ordinal));
        Assert.Equal(prepared, source.Contains("public readonly struct Prepared", StringComparison.Ordinal));
        Assert.Equal(prepared, source.Contains("public PreparedUnobserved PrepareUnobserved(", StringComparison.Ordinal));
        Assert.Equal(prepared, source.Contains("public readonly struct PreparedUnobserved", StringComparison.Ordinal));
    }

    /// <summary>The unobserved run's <c>Run</c>, to the end of its struct.</summary>
    private static string UnobservedBody(string pipeline)
    {
        var source = Source(pipeline);
        var start = source.IndexOf("public readonly struct PreparedUnobserved", StringComparison.Ordinal);
        var run = source.IndexOf("public Result Run(", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && run > start, $"No PreparedUnobserved.Run in {pipeline}:\n{source}");
        return source[run..];
    }

    private static string UnobservedStruct(string pipeline)
    {
        var source = Source(pipeline);
        return source[source.IndexOf("public readonly struct PreparedUnobserved", StringComparison.Ordinal)..];
    }

    [Fact]
    public void The_unobserved_run_is_the_node_calls_and_refuses_hooks_when_prepared()
    {
        var source = Source("ScorePipeline");
        Assert.Contains("pipeline._session.RefuseHooksForUnobservedRuns(Name);", source);

        var body = UnobservedBody("ScorePipeline");
        Assert.Contains("scaled = global::Serving.ScoreNodes.Scale(raw, _model, _bias, _factor);", body);
        Assert.Contains("score = global::Serving.ScoreNodes.Offset(scaled, _bias, _factor);", body);
        Assert.Contains("throw FailRun(runId, 1, exception);", body);
        Assert.Contains("_pipeline is null ? throw NotPrepared() : _pipeline.FailRun(runId, step, exception);", body);
        Assert.DoesNotContain("_withoutHooks", body);
        Assert.DoesNotContain("_hasHooks", body);
        Assert.DoesNotContain("RunObserved", body);
        Assert.DoesNotContain("CanBeCanceled", body);
        Assert.DoesNotContain("Artifact", body);
    }

    [Fact]
    public void An_unattributed_unobserved_run_has_no_try_region_and_no_failure_method()
    {
        var body = UnobservedBody("UnattributedPipeline");
        Assert.DoesNotContain("try", body);
        Assert.DoesNotContain("FailRun", body);
        Assert.Contains("var score = global::Serving.ScoreNodes.Offset(scaled, _bias, _factor);", body);
        Assert.Contains("Not used: no failure is attributed", Source("UnattributedPipeline"));

        // With no failure to name, nothing asks the pipeline: the struct does not hold it.
        Assert.DoesNotContain("_pipeline", UnobservedStruct("UnattributedPipeline"));
        Assert.Contains("_pipeline = pipeline;", UnobservedStruct("ScorePipeline"));
    }

    [Fact]
    public void The_prepared_body_passes_its_fields_to_the_nodes()
    {
        var source = Source("ScorePipeline");
        Assert.Contains("_model = pipeline._session.PrepareArtifact(pipeline._modelArtifact, Name);", source);
        Assert.Contains("_bias = pipeline._session.PrepareArtifact(pipeline._biasArtifact, Name);", source);
        Assert.Contains("_factor = parameters.Factor;", source);

        var body = PreparedHotBody("ScorePipeline");
        Assert.Contains("scaled = global::Serving.ScoreNodes.Scale(raw, _model, _bias, _factor);", body);
        Assert.Contains("score = global::Serving.ScoreNodes.Offset(scaled, _bias, _factor);", body);

        // Each node in a try region of its own, whose handler names it: no step counter on the success path.
        Assert.Contains("throw _pipeline.FailRun(runId, 0, exception);", body);
        Assert.Contains("throw _pipeline.FailRun(runId, 1, exception);", body);
        Assert.DoesNotContain("step", body);
        Assert.Contains("if (!_withoutHooks || cancellationToken.CanBeCanceled)", body);
        Assert.Contains("return RunObserved(raw, runId, cancellationToken);", body);
        Assert.DoesNotContain("parameters", body);
        Assert.DoesNotContain("Artifact", body);
    }

    [Fact]
    public void A_default_prepared_value_takes_the_observed_body_which_names_the_mistake()
    {
        var source = Source("ScorePipeline");
        Assert.Contains("_withoutHooks = !pipeline._hasHooks;", source);
        Assert.Contains("if (_pipeline is null) throw NotPrepared();", source);
        Assert.Contains("public global::Serving.ServingParameters Parameters => _parameters ?? throw NotPrepared();", source);
        Assert.Contains("This ScorePipeline.Prepared is a default value and holds no artifacts: get one from the pipeline's Prepare().", source);
    }

    [Fact]
    public void An_unattributed_prepared_body_has_no_try_region()
    {
        var body = PreparedHotBody("UnattributedPipeline");
        Assert.DoesNotContain("try", body);
        Assert.DoesNotContain("step", body);
        Assert.Contains("var score = global::Serving.ScoreNodes.Offset(scaled, _bias, _factor);", body);
    }

    [Fact]
    public void A_namespaced_include_prepares_the_renamed_artifacts()
    {
        var source = Source("NamespacedPipeline");
        Assert.Contains("session.DeclareArtifact(\"eu.model\"", source);
        Assert.Contains("pipeline._session.PrepareArtifact(pipeline._euModelArtifact, Name);", source);
    }

    [Fact]
    public void An_artifact_first_read_by_a_later_node_is_read_there_as_before()
    {
        var source = Source("LatePipeline");
        Assert.DoesNotContain("TryGetLoaded", source);
        Assert.DoesNotContain("RunLoading", source);
        Assert.Contains("model = _modelArtifact.Get();", source);
    }

    [Fact]
    public void Run_tests_every_slot_before_the_first_node_and_keeps_the_loading_body()
    {
        var source = Source("ScorePipeline");
        Assert.Contains("if (_hasHooks || cancellationToken.CanBeCanceled || !_modelArtifact.TryGetLoaded(out var model) || !_biasArtifact.TryGetLoaded(out var bias))", source);
        Assert.Contains("return RunLoading(raw, parameters, runId, cancellationToken);", source);
        Assert.Contains("model = _modelArtifact.Get();", source); // RunLoading: in the try region of the first node that reads it
        Assert.Contains("scaled = global::Serving.ScoreNodes.Scale(raw, model, bias, factor);", source);
        Assert.DoesNotContain("RunLoading", Source("PlainPipeline"));
        Assert.DoesNotContain("RunLoading", Source("SavingPipeline"));
    }
}
