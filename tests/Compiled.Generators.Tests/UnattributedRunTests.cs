using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// <c>[Pipeline(AttributeFailures = false)]</c> (issue #16): the hot body of <c>Run</c> is the node calls alone, without
/// the <c>try</c> region and the step counter; the observed body, and any run that loads or saves through the catalog,
/// keep them. Behaviour (the exception unwrapped, hooks still attributed) is in Compiled.Session.Tests.
/// </summary>
public sealed class UnattributedRunTests
{
    private const string Nodes = """
        using Compiled;

        namespace Scoring;

        public static class ScoreNodes
        {
            [Node(Output = "scaled")]
            public static double Scale(double raw, [Param("factor")] double factor) => raw * factor;

            [Node(Output = "score")]
            public static double Offset(double scaled) => scaled + 1;
        }

        public static class SavingNodes
        {
            [Node(Output = "saved_score")]
            public static double Save(double raw) => raw;
        }

        [Pipeline(typeof(ScoreNodes), Inputs = ["raw"])]
        public sealed partial class AttributedPipeline;

        [Pipeline(typeof(ScoreNodes), Inputs = ["raw"], AttributeFailures = false)]
        public sealed partial class UnattributedPipeline;

        [Pipeline(typeof(SavingNodes), Inputs = ["raw"], AttributeFailures = false)]
        public sealed partial class SavingPipeline;
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Scoring")
        .WithSource("Scoring.cs", Nodes)
        .WithConfig("conf/base/parameters.yml", "factor: 2.0\n")
        .WithConfig("conf/base/catalog.yml", "saved_score:\n  type: json\n  filepath: data/saved_score.json\n")));

    /// <summary>The generated <c>Run</c> method's text, up to <c>RunObserved</c>.</summary>
    private static string HotBody(string pipeline)
    {
        var source = Run.Value.Source($"Scoring.{pipeline}.g.cs");
        var start = source.IndexOf("public Result Run(", StringComparison.Ordinal);
        var end = source.IndexOf("private Result RunObserved(", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"No Run/RunObserved in {pipeline}:\n{source}");
        return source[start..end];
    }

    [Fact]
    public void Compiles() => Run.Value.AssertCompiles();

    [Fact]
    public void The_hot_body_is_the_node_calls_without_try_or_step()
    {
        var body = HotBody("UnattributedPipeline");

        Assert.DoesNotContain("try", body);
        Assert.DoesNotContain("step", body);
        Assert.DoesNotContain("catch", body);
        Assert.Contains("return RunObserved(raw, parameters, runId, cancellationToken);", body);
        Assert.Contains("var factor = parameters is null ? _factor : parameters.Factor;", body);
        Assert.Contains("var scaled = global::Scoring.ScoreNodes.Scale(raw, factor);", body);
        Assert.Contains("var score = global::Scoring.ScoreNodes.Offset(scaled);", body);
    }

    [Fact]
    public void The_observed_body_still_attributes_failures()
    {
        var source = Run.Value.Source("Scoring.UnattributedPipeline.g.cs");
        var observed = source[source.IndexOf("private Result RunObserved(", StringComparison.Ordinal)..];

        Assert.Contains("step = 1;", observed);
        Assert.Contains("throw run.Fail(s_nodeNames, step, exception);", observed);
    }

    [Fact]
    public void The_default_and_a_run_through_the_catalog_keep_the_try()
    {
        // The in-memory hot body: a try region per node, each handler naming its node.
        Assert.Contains("throw FailRun(runId, 1, exception);", HotBody("AttributedPipeline"));
        Assert.Contains("catch (global::System.Exception exception) when (global::Compiled.RunContext.IsNodeFailure(exception))", HotBody("AttributedPipeline"));
        Assert.Contains("throw run.Fail(s_nodeNames, step, exception);", HotBody("SavingPipeline"));
    }
}
