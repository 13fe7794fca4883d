using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The hot body of a synchronous <c>Run</c> reads what never changes in its session from fields of the pipeline, set
/// when the session creates it (issue #16): whether the session has hooks, and the session's value of each parameter its
/// nodes bind. A run given parameters of its own reads those; the observed body and <c>RunAsync</c> read the record as
/// before. Behaviour (overrides from <c>conf/&lt;env&gt;</c>, a run's own parameters) is in Compiled.Session.Tests.
/// </summary>
public sealed class SessionFieldTests
{
    private const string Nodes = """
        using Compiled;

        namespace Quotes;

        public sealed record Model(double Intercept, double Slope);

        public static class QuoteNodes
        {
            [Node(Output = "normalized")]
            public static double Normalize(double raw, [Param("serving.rating_max")] double ratingMax, [Param("session")] int session) => raw / ratingMax + session;

            [Node(Output = "priced")]
            public static double Price(double normalized, Model model, [Param("serving.scale")] double scale) => (model.Intercept + model.Slope * normalized) * scale;

            [Node(Output = "price")]
            public static double Round(double priced, [Param("serving.scale")] double scale, [Param("serving.rating_max")] double? cap) => Math.Min(priced, (cap ?? 1) * scale);
        }

        public static class SlowQuoteNodes
        {
            [Node(Output = "price")]
            public static async Task<double> Price(double raw, [Param("serving.scale")] double scale)
            {
                await Task.Yield();
                return raw * scale;
            }
        }

        [Pipeline(typeof(QuoteNodes), Inputs = ["raw"], Artifacts = ["model"])]
        public sealed partial class QuotePipeline;

        [Pipeline(typeof(SlowQuoteNodes), Inputs = ["raw"])]
        public sealed partial class SlowQuotePipeline;
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Quotes")
        .WithSource("Quotes.cs", Nodes)
        .WithConfig("conf/base/parameters.yml", "session: 1\nserving:\n  rating_max: 100.0\n  scale: 1.5\n")
        .WithConfig("conf/base/catalog.yml", "model:\n  type: json\n  filepath: data/model.json\n")));

    [Fact]
    public void Compiles() => Run.Value.AssertCompiles();

    /// <summary>Fields for the hooks and each binding (one per path and type, named clear of the pipeline's own fields), the hot body's locals.</summary>
    [Fact]
    public void Snapshot_of_a_pipeline_with_parameters_and_an_artifact() =>
        Snapshot.Match(Run.Value.Source("Quotes.QuotePipeline.g.cs"), "Quotes.QuotePipeline");

    [Fact]
    public void The_hot_body_reads_the_fields_unless_the_run_has_parameters()
    {
        var source = Run.Value.Source("Quotes.QuotePipeline.g.cs");
        var hot = source[source.IndexOf("public Result Run(", StringComparison.Ordinal)..source.IndexOf("private Result RunObserved(", StringComparison.Ordinal)];

        Assert.Contains("if (_hasHooks || cancellationToken.CanBeCanceled)", hot);
        Assert.Contains("servingScale = parameters is null ? _servingScale : parameters.Serving.Scale;", hot);
        Assert.Contains("session2 = parameters is null ? _session2 : parameters.Session;", hot);
        Assert.DoesNotContain("parameters ??=", hot);
        Assert.DoesNotContain("_session.", hot[..hot.IndexOf("catch", StringComparison.Ordinal)]);
    }

    [Fact]
    public void The_observed_body_and_an_async_pipeline_read_the_record()
    {
        var source = Run.Value.Source("Quotes.QuotePipeline.g.cs");
        var observed = source[source.IndexOf("private Result RunObserved(", StringComparison.Ordinal)..];
        var slow = Run.Value.Source("Quotes.SlowQuotePipeline.g.cs");

        Assert.Contains("parameters ??= _session.Parameters;", observed);
        Assert.Contains("parameters.Serving.Scale", observed);
        Assert.DoesNotContain("_hasHooks", slow);
        Assert.DoesNotContain("_servingScale", slow);
        Assert.Contains("parameters ??= _session.Parameters;", slow);
    }
}
