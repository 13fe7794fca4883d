using Compiled.Pipelines;
using Compiled.Runners;
using Xunit;

namespace Compiled.Tests.Runners;

/// <summary>
/// Where a failed run resumes (Kedro's runner._find_nodes_to_resume_from: from the nearest nodes with persisted inputs)
/// and how the command is written, on hand-built definitions.
/// </summary>
public sealed class ResumePlannerTests
{
    // load → raw_rows (persisted) → clean → clean_rows (memory) → features → feature_rows (memory) → train → model (persisted) → report
    private static readonly PipelineDefinition Chain = new("chain",
        [
            new NodeDefinition("load", null, [], ["source"], ["raw_rows"], []),
            new NodeDefinition("clean", null, [], ["raw_rows"], ["clean_rows"], []),
            new NodeDefinition("features", null, [], ["clean_rows"], ["feature_rows"], []),
            new NodeDefinition("train", null, [], ["feature_rows"], ["model"], []),
            new NodeDefinition("report", null, [], ["model"], ["report"], []),
        ],
        [
            new DatasetDefinition("source", DatasetStorage.Persisted, "csv", "Row[]"),
            new DatasetDefinition("raw_rows", DatasetStorage.Persisted, "parquet", "Row[]"),
            new DatasetDefinition("clean_rows", DatasetStorage.Memory, null, "Row[]"),
            new DatasetDefinition("feature_rows", DatasetStorage.Memory, null, "double[][]"),
            new DatasetDefinition("model", DatasetStorage.Persisted, "json", "Model"),
            new DatasetDefinition("report", DatasetStorage.Persisted, "text", "string"),
        ]);

    private static readonly int[] All = [0, 1, 2, 3, 4];

    [Fact]
    public void A_failure_after_memory_only_inputs_resumes_from_the_node_that_reads_the_last_persisted_dataset() =>
        // train failed; feature_rows and clean_rows lived in the run; raw_rows is persisted: resume from clean.
        Assert.Equal(["clean"], ResumePlanner.StartNodes(Chain, All, new HashSet<int> { 0, 1, 2 }));

    [Fact]
    public void A_failure_whose_inputs_are_persisted_resumes_from_the_failed_node() =>
        Assert.Equal(["report"], ResumePlanner.StartNodes(Chain, All, new HashSet<int> { 0, 1, 2, 3 }));

    [Fact]
    public void A_failure_of_the_first_node_resumes_from_it() =>
        Assert.Equal(["load"], ResumePlanner.StartNodes(Chain, All, new HashSet<int>()));

    [Fact]
    public void The_command_keeps_every_option_of_the_failed_run_and_quotes_for_a_shell()
    {
        var options = new RunOptions
        {
            Filter = new NodeFilter { Tags = ["a", "b"], FromNodes = ["load"], Namespaces = ["ns"] },
            ParameterOverrides = ["title=two words", "features=engines,crew"],
            RuntimeValues = new Dictionary<string, string> { ["region"] = "eu" },
            Runner = RunnerKind.Parallel,
            MaxDegreeOfParallelism = 4,
            OnlyMissingOutputs = true,
        };
        var command = ResumePlanner.Command("chain", "prod", options, ["clean"]);
        Assert.Equal(
            "run --pipeline chain --env prod --tags a,b --from-nodes clean --namespaces ns --params 'title=two words' --params features=engines,crew " +
            "--runtime region=eu --runner parallel --max-workers 4 --only-missing-outputs",
            command);
        Assert.Equal(
            ["run", "--pipeline", "chain", "--env", "prod", "--tags", "a,b", "--from-nodes", "clean", "--namespaces", "ns", "--params", "title=two words",
             "--params", "features=engines,crew", "--runtime", "region=eu", "--runner", "parallel", "--max-workers", "4", "--only-missing-outputs"],
            ResumePlanner.SplitCommand(command));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a.b=1", "a.b=1")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Arguments_are_quoted_only_when_needed_and_split_back(string argument, string quoted)
    {
        Assert.Equal(quoted, ResumePlanner.ShellQuote(argument));
        Assert.Equal([argument], ResumePlanner.SplitCommand(quoted));
    }

    [Fact]
    public void A_definition_rejects_nodes_out_of_run_order_and_unknown_datasets()
    {
        var outOfOrder = Assert.Throws<ArgumentException>(() => new PipelineDefinition("p",
            [new NodeDefinition("b", null, [], ["x"], ["y"], []), new NodeDefinition("a", null, [], [], ["x"], [])],
            [new DatasetDefinition("x", DatasetStorage.Memory, null, "int"), new DatasetDefinition("y", DatasetStorage.Memory, null, "int")]));
        Assert.Contains("before 'a' produces it", outOfOrder.Message);

        var unknown = Assert.Throws<ArgumentException>(() => new PipelineDefinition("p", [new NodeDefinition("a", null, [], ["z"], [], [])], []));
        Assert.Contains("'z', which is not listed", unknown.Message);
    }

    [Theory]
    [InlineData("mean_nod", "mean_node")]
    [InlineData("act", "active")]
    [InlineData("m3", "m2")]
    [InlineData("train_model", "active.train_model")]
    [InlineData("zzzzzz", null)]
    public void Suggestions_are_the_closest_name(string name, string? expected) =>
        Assert.Equal(expected, NameSuggestions.Closest(name, ["mean_node", "active", "m", "m2", "active.train_model"]));
}
