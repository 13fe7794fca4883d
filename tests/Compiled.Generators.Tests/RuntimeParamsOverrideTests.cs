using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// Kedro's <c>${runtime_params:key,default}</c> in parameters: the compiled default is the YAML's default, and the
/// parameters record's <c>WithOverride(key, value)</c> (what <c>--params key=value</c> calls) sets every parameter that
/// takes the key — typed when the interpolation is the whole value, spliced into the text otherwise — besides the paths.
/// </summary>
public sealed class RuntimeParamsOverrideTests
{
    private static readonly TestProject Project = TestProject.Create("Knobs")
        .WithSource("Nodes.cs", """
            using Compiled;

            namespace Knobs;

            public sealed record Training(double Rate, double Decay);

            public sealed record Report(string File);

            public static class Nodes
            {
                [Node(Output = "summary")]
                public static string Summarize([Param("training")] Training training, [Param("report")] Report report, [Param("rate")] double rate) =>
                    $"{training.Rate} {training.Decay} {report.File} {rate}";
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """)
        .WithConfig("conf/base/parameters.yml", """
            rate: ${runtime_params:rate, 0.2}
            training:
              rate: ${runtime_params:rate, 0.1}
              decay: ${runtime_params:rate,0.5}
            report:
              file: reports/${runtime_params:label, latest}.json
            """);

    [Fact]
    public void A_runtime_key_sets_every_parameter_that_takes_it()
    {
        var run = GeneratorHarness.Run(Project).AssertCompiles();
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var defaults = assembly.GetType("Knobs.KnobsParameters").GetProperty("Default")!.GetValue(null)!;

        var rate = defaults.Call("WithOverride", ("path", "rate"), ("value", "0.3"))!;
        var label = defaults.Call("WithOverride", ("path", "label"), ("value", "nightly"))!;
        var path = defaults.Call("WithOverride", ("path", "training.rate"), ("value", "0.4"))!;

        Assert.Equal((0.2, 0.1, 0.5, "reports/latest.json"), Values(defaults));
        Assert.Equal((0.3, 0.3, 0.3, "reports/latest.json"), Values(rate)); // the key is also a path: both
        Assert.Equal((0.2, 0.1, 0.5, "reports/nightly.json"), Values(label));
        Assert.Equal((0.2, 0.4, 0.5, "reports/latest.json"), Values(path)); // a path sets that parameter only
        var paths = (IReadOnlyList<string>)assembly.GetType("Knobs.KnobsParameters").GetProperty("OverridablePaths")!.GetValue(null)!;
        Assert.Contains("label", paths);
        Assert.Single(paths, p => p == "rate");
        var error = Assert.ThrowsAny<Exception>(() => defaults.Call("WithOverride", ("path", "rate"), ("value", "fast")));
        Assert.Contains("must be", (error.InnerException ?? error).Message, StringComparison.Ordinal);
    }

    private static (double Rate, double TrainingRate, double Decay, string File) Values(object parameters) => (
        (double)parameters.Get("Rate")!,
        (double)parameters.Get("Training")!.Get("Rate")!,
        (double)parameters.Get("Training")!.Get("Decay")!,
        (string)parameters.Get("Report")!.Get("File")!);
}
