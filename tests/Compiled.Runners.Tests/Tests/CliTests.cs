using Compiled;
using Compiled.Cli;
using Compiled.Runners;
using Xunit;

namespace Runs.Tests;

/// <summary>The command line, through its library entry point <see cref="CompiledCli.RunAsync"/>, on the Runs project.</summary>
public sealed class CliTests : IDisposable
{
    private const string Program = "runs";
    private readonly TempProject _project = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public CliTests() => Flaky.Fail = false;

    public void Dispose()
    {
        Flaky.Fail = false;
        _project.Dispose();
    }

    private Task<int> Cli(params string[] args) =>
        CompiledCli.RunAsync(args, options => RunsProject.CreateSession(options), new CliOptions
        {
            CommandName = Program,
            Output = _output,
            Error = _error,
            Interactive = false,
            Session = new SessionOptions { ProjectPath = _project.Path, Hooks = [_project.Hook] },
        });

    /// <summary>
    /// The resume command printed after a failure, run as printed, completes the pipeline. 'train' fails; its input
    /// 'features' was in memory and is lost, so the run resumes from 'featurize', which reads the persisted 'prepared'
    /// (Kedro: resume "from the nearest nodes with persisted inputs"); the command keeps --env and --params.
    /// </summary>
    [Fact]
    public async Task The_printed_resume_command_completes_the_pipeline()
    {
        Flaky.Fail = true;
        var exit = await Cli("run", "--pipeline", "flaky", "--env", "local", "--params", "flaky.scale=3");
        Assert.Equal(CompiledCli.RunFailed, exit);
        var errors = _error.ToString();
        Assert.Contains("error: node 'train' of pipeline 'flaky' failed", errors);
        Assert.Contains("training diverged", errors);
        Assert.Contains("Nodes not run: train, report.", errors);
        var resume = errors.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(Program + " ", StringComparison.Ordinal));
        Assert.Equal($"{Program} run --pipeline flaky --env local --from-nodes featurize --params flaky.scale=3", resume);
        Assert.True(_project.Exists("prepared"));
        Assert.False(_project.Exists("model"));

        Flaky.Fail = false;
        _project.Hook.Clear();
        var arguments = ResumePlanner.SplitCommand(resume[(Program.Length + 1)..]).ToArray();
        Assert.Equal(0, await Cli(arguments));
        Assert.Equal(["featurize", "train", "report"], _project.Hook.Started);
        Assert.Equal(54.0, _project.ReadDouble("model")); // features [4, 6, 8] × scale 3: the --params came along
        Assert.Equal("model=54", File.ReadAllText(_project.File("data/report.txt")));
    }

    /// <summary>The same through ExecuteAsync with the parallel runner and a filter: the command keeps them.</summary>
    [Fact]
    public async Task The_resume_command_keeps_the_filters_and_the_runner()
    {
        Flaky.Fail = true;
        var session = _project.CreateSession();
        var error = await Assert.ThrowsAsync<PipelineRunException>(() => session.Flaky.ExecuteAsync(new RunOptions
        {
            Runner = RunnerKind.Parallel,
            Filter = new() { ToNodes = ["report"], FromInputs = ["raw"] },
            ParameterOverrides = ["flaky.scale=0.5"],
        }));
        Assert.Equal(["featurize"], error.ResumeFromNodes);
        Assert.Equal("run --pipeline flaky --env local --from-nodes featurize --to-nodes report --from-inputs raw --params flaky.scale=0.5 --runner parallel", error.ResumeCommand);
        Assert.Contains("To resume: " + error.ResumeCommand, error.Message);

        Flaky.Fail = false;
        _project.Hook.Clear();
        Assert.Equal(0, await Cli([.. ResumePlanner.SplitCommand(error.ResumeCommand)]));
        Assert.Equal(["featurize", "train", "report"], _project.Hook.Started);
        Assert.Equal(9.0, _project.ReadDouble("model"));
    }

    /// <summary>
    /// The sessions the command line creates keep the template's JSON metadata: a native AOT program passes its
    /// JsonSerializerContext there, and without it every json dataset would fall back to (disabled) reflection.
    /// </summary>
    [Fact]
    public async Task The_json_metadata_of_the_session_template_reaches_the_json_datasets()
    {
        var resolver = new RecordingResolver();
        var exit = await CompiledCli.RunAsync(["run", "--pipeline", "flaky"], options => RunsProject.CreateSession(options), new CliOptions
        {
            CommandName = Program,
            Output = _output,
            Error = _error,
            Interactive = false,
            Session = new SessionOptions { ProjectPath = _project.Path, JsonTypeInfoResolver = resolver },
        });
        Assert.Equal(0, exit);
        Assert.Contains(typeof(double), resolver.Asked); // 'model' is a json dataset of double
    }

    private sealed class RecordingResolver : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        private readonly System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver _inner = new();

        public System.Collections.Concurrent.ConcurrentBag<Type> Asked { get; } = [];

        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options)
        {
            Asked.Add(type);
            return _inner.GetTypeInfo(type, options);
        }
    }

    /// <summary>A failure in the straight-line RunAsync (no CLI) also says where to resume: the session's environment and the right nodes.</summary>
    [Fact]
    public async Task A_straight_line_run_failure_names_the_nodes_to_resume_from()
    {
        Flaky.Fail = true;
        var session = _project.CreateSession();
        var error = await Assert.ThrowsAsync<PipelineRunException>(async () => await session.Flaky.RunAsync());
        Assert.Equal("train", error.NodeName);
        Assert.Equal(["train", "report"], error.NotRun);
        Assert.Equal(["featurize"], error.ResumeFromNodes);
        Assert.Equal("run --pipeline flaky --env local --from-nodes featurize", error.ResumeCommand);
    }

    [Fact]
    public async Task Run_with_filters_runs_the_intersection_and_says_what_ran()
    {
        // to_outputs(m2) = {len, mean_sos}; from_inputs(xs) = every node; the intersection: len, mean_sos.
        Assert.Equal(0, await Cli("run", "--pipeline", "variance", "--to-outputs", "m2", "--from-inputs", "xs"));
        Assert.Equal(["len", "mean_sos"], _project.Hook.Started);
        var output = _output.ToString();
        Assert.Contains("node mean_sos started", output);
        Assert.Contains("node mean_sos completed in", output);
        Assert.Contains("Pipeline 'variance' completed: 2 of 4 nodes ran", output);
        Assert.True(_project.Exists("m2"));
        Assert.False(_project.Exists("m"));
    }

    [Fact]
    public async Task Without_pipeline_the_default_pipeline_runs_in_parallel_when_asked()
    {
        Assert.Equal(0, await Cli("run", "--runner", "parallel", "--max-workers", "3", "--run-id", "night-1"));
        Assert.Contains("Pipeline 'default' completed: 8 of 8 nodes ran", _output.ToString());
        Assert.Contains("(run night-1)", _output.ToString());
        Assert.True(_project.Exists("v"));
        Assert.True(_project.Exists("candidate_model"));
    }

    [Fact]
    public async Task Only_missing_outputs_skips_what_exists()
    {
        Assert.Equal(0, await Cli("run", "--pipeline", "variance"));
        _project.Delete("v");
        _project.Hook.Clear();
        Assert.Equal(0, await Cli("run", "--pipeline", "variance", "--only-missing-outputs"));
        Assert.Equal(["variance_node"], _project.Hook.Started);
        Assert.Contains("Skipped, outputs exist: len, mean_node, mean_sos.", _output.ToString());
    }

    /// <summary>--timings prints, after the run, one line per phase: the session, each load and save, each node.</summary>
    [Fact]
    public async Task Timings_name_every_phase_of_the_run()
    {
        Assert.Equal(0, await Cli("run", "--pipeline", "variance", "--timings"));
        var lines = _error.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("timings: ", StringComparison.Ordinal)).Select(l => l["timings: ".Length..]).ToArray();
        Assert.Equal(["phase", "ms", "jit ms", "jitted", "alloc MB", "gc ms"], lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var rows = lines[1..^1].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var phases = rows.Select(r => string.Join(' ', r[..^5])).ToArray();
        foreach (var phase in new[] { "session created", "load xs", "node len", "node mean_node", "node mean_sos", "node variance_node", "save m", "save m2", "save v", "command line to now" })
            Assert.Contains(phase, phases);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.All(rows, r => Assert.All(r[^5..], n => Assert.True(double.TryParse(n, invariant, out var value) && value >= 0, string.Join(' ', r))));
        // The whole command covers each phase of the run.
        var total = double.Parse(rows.Single(r => string.Join(' ', r[..^5]) == "command line to now")[^5], invariant);
        Assert.All(rows.Where(r => r[0] is "load" or "save" or "node"), r => Assert.True(double.Parse(r[^5], invariant) <= total, string.Join(' ', r)));
        Assert.StartsWith("garbage collections gen0 ", lines[^1]);
        Assert.EndsWith(" assemblies loaded", lines[^1]);
        Assert.DoesNotContain("timings", _output.ToString());
    }

    /// <summary>Without --timings nothing of it is printed.</summary>
    [Fact]
    public async Task Without_timings_no_timings_are_printed()
    {
        Assert.Equal(0, await Cli("run", "--pipeline", "variance"));
        Assert.DoesNotContain("timings:", _error.ToString());
    }

    [Theory]
    [InlineData(new[] { "run", "--pipeline", "varianse" }, "error: Unknown pipeline 'varianse' (--pipeline). Did you mean 'variance'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--nodes", "mean_nod" }, "error: Pipeline 'variance' does not contain a node named 'mean_nod' (--nodes). Did you mean 'mean_node'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--tags", "means" }, "error: Pipeline 'variance' has no node tagged 'means' (--tags). Did you mean 'mean'?")]
    [InlineData(new[] { "run", "--pipeline", "modelling", "--namespaces", "activ" }, "error: Pipeline 'modelling' does not contain nodes with the namespace 'activ' (--namespaces). Did you mean 'active'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--from-inputs", "xss" }, "error: Pipeline 'variance' does not contain a dataset named 'xss' (--from-inputs). Did you mean 'xs'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--from-nodes", "mean_nod" }, "error: Pipeline 'variance' does not contain a node named 'mean_nod' (--from-nodes). Did you mean 'mean_node'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--to-outputs", "m3" }, "error: Pipeline 'variance' does not contain a dataset named 'm3' (--to-outputs). Did you mean 'm2'?")]
    [InlineData(new[] { "run", "--pipeline", "variance", "--nodes", "len", "--tags", "variance" }, "error: Pipeline 'variance' contains no nodes after applying all provided filters (--tags variance --nodes len)")]
    [InlineData(new[] { "run", "--runner", "paralel" }, "error: Unknown runner 'paralel' (--runner): use sequential or parallel. Did you mean 'parallel'?")]
    [InlineData(new[] { "run", "--pipeline", "flaky", "--params", "flaky.scal=2" }, "flaky.scal")]
    public async Task Bad_flag_values_are_errors_that_name_the_value_and_run_nothing(string[] args, string message)
    {
        Assert.Equal(CompiledCli.UsageError, await Cli(args));
        Assert.Contains(message, _error.ToString());
        Assert.Empty(_project.Hook.Started);
    }

    [Fact]
    public async Task A_missing_environment_is_an_error_naming_it()
    {
        Assert.Equal(CompiledCli.UsageError, await Cli("run", "--env", "locl"));
        Assert.Contains("error: Unknown environment 'locl' (--env): there is no conf/locl directory. Did you mean 'local'? Environments: local.", _error.ToString());
    }

    [Fact]
    public async Task List_shows_pipelines_nodes_datasets_and_parameters()
    {
        Assert.Equal(0, await Cli("list"));
        var output = _output.ToString();
        Assert.Contains("default                  8 nodes (runs when --pipeline is not given)", output);
        Assert.Contains("Nodes of 'modelling', in run order:", output);
        Assert.Contains("candidate.split                  table, params:shared_ratio -> candidate.train  [tags: split, candidate]", output);
        Assert.Contains("candidate_model                  json", output);
        Assert.Contains("n                                memory (run only)  int", output);
        Assert.Contains("  outer.active.ratio", output);

        _output.GetStringBuilder().Clear();
        Assert.Equal(0, await Cli("list", "nodes", "--pipeline", "variance"));
        Assert.Equal(
            ["Nodes of 'variance', in run order:", "len", "mean_node", "mean_sos", "variance_node"],
            _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ')[0] == "Nodes" ? l.Trim() : l.Trim().Split(' ')[0]));
    }
}
