using System.CommandLine;
using System.Globalization;
using Compiled.Cli.Viz;
using Compiled.Config;
using Compiled.Pipelines;
using Compiled.Runners;

namespace Compiled.Cli;

/// <summary>
/// The command line of a Compiled project, Kedro's <c>kedro run</c> and <c>kedro registry list</c> on System.CommandLine.
/// One call from the project's <c>Program.cs</c>:
/// <code>return await CompiledCli.RunAsync(args, options =&gt; MyProject.CreateSession(options));</code>
/// <list type="bullet">
/// <item><c>run [--pipeline name] [--tags a,b] [--nodes a,b] [--from-nodes a] [--to-nodes a] [--from-inputs d] [--to-outputs d]
/// [--namespaces ns] [--params a.b=1,c=x] [--runtime name=value] [--env env] [--run-id id] [--runner sequential|parallel]
/// [--max-workers n] [--only-missing-outputs] [--timings]</c></item>
/// <item><c>list [pipelines|nodes|datasets|parameters] [--pipeline name] [--env env]</c></item>
/// <item><c>viz [--pipeline name] [--format html|mermaid|json] [--output path] [--env env] [--serve] [--port n]</c></item>
/// </list>
/// Exit codes: 0 done; 1 a node failed (the resume command is printed); 2 a flag names something the project does not
/// have, or the configuration is wrong (nothing ran); 130 cancelled.
/// </summary>
public static partial class CompiledCli
{
    /// <summary>The exit code of a run in which a node failed.</summary>
    public const int RunFailed = 1;

    /// <summary>The exit code of a bad flag value or configuration: nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of a cancelled run.</summary>
    public const int Cancelled = 130;

    private static readonly string[] Runners = ["sequential", "parallel"];

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The program's arguments.</param>
    /// <param name="createSession">Creates the project's session: <c>options =&gt; MyProject.CreateSession(options)</c>.</param>
    /// <param name="options">Output, program name and session settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels a run (Ctrl+C cancels it too).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, Func<SessionOptions, Session> createSession, CliOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = TimingsHook.Now();
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(createSession);
        options ??= new CliOptions();
        var output = options.Output ?? Console.Out;
        var error = options.Error ?? Console.Error;
        var context = new CliContext(createSession, options, output, error, started);
        var root = new RootCommand("Runs and lists the pipelines of this Compiled project.")
        {
            RunCommand(context),
            ListCommand(context),
            VizCommand(context),
        };
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static Command RunCommand(CliContext context)
    {
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "The pipeline to run (default: the pipeline named 'default', Kedro's __default__)." };
        var tags = ListOption(FilterFlags.Of(NodeFilterCriterion.Tags), "-t", "Run only the nodes with any of these tags.");
        var nodes = ListOption(FilterFlags.Of(NodeFilterCriterion.Nodes), "-n", "Run only these nodes.");
        var fromNodes = ListOption(FilterFlags.Of(NodeFilterCriterion.FromNodes), null, "Run these nodes and every node downstream of them.");
        var toNodes = ListOption(FilterFlags.Of(NodeFilterCriterion.ToNodes), null, "Run these nodes and every node upstream of them.");
        var fromInputs = ListOption(FilterFlags.Of(NodeFilterCriterion.FromInputs), null, "Run the nodes that read these datasets, and every node downstream of them.");
        var toOutputs = ListOption(FilterFlags.Of(NodeFilterCriterion.ToOutputs), null, "Run the nodes needed to produce these datasets.");
        var namespaces = ListOption(FilterFlags.Of(NodeFilterCriterion.Namespaces), null, "Run only the nodes in these namespaces (and namespaces nested in them).");
        var parameters = new Option<string[]>("--params") { Description = "Parameter overrides: path=value, comma-separated (model_options.test_size=0.3,model_options.random_state=7).", AllowMultipleArgumentsPerToken = false };
        var runtime = new Option<string[]>("--runtime") { Description = "Values of the catalog's ${runtime:name} placeholders: name=value, comma-separated." };
        var environment = EnvironmentOption();
        var runId = new Option<string?>("--run-id") { Description = "The run's id (default: a new unique id)." };
        var runner = new Option<string>("--runner", "-r") { Description = "sequential, or parallel: nodes whose inputs are ready run together.", DefaultValueFactory = _ => "sequential" };
        var maxWorkers = new Option<int?>("--max-workers") { Description = "With --runner parallel, the most nodes that run at once (default: processors + 4, at most 32)." };
        var onlyMissing = new Option<bool>("--only-missing-outputs") { Description = "Skip the nodes whose persisted outputs all exist (unless a node that runs needs what they produce)." };
        var timings = new Option<bool>("--timings") { Description = "Print where the time went (process start, session creation, each dataset load and save, each node) to the error stream." };
        var command = new Command("run", "Runs a pipeline, or the nodes of it that the filters select (the intersection of every filter given).")
        {
            pipeline, tags, nodes, fromNodes, toNodes, fromInputs, toOutputs, namespaces, parameters, runtime, environment, runId, runner, maxWorkers, onlyMissing, timings,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var request = new RunRequest(
                result.GetValue(pipeline),
                new NodeFilter
                {
                    Tags = Split(result.GetValue(tags)),
                    Nodes = Split(result.GetValue(nodes)),
                    FromNodes = Split(result.GetValue(fromNodes)),
                    ToNodes = Split(result.GetValue(toNodes)),
                    FromInputs = Split(result.GetValue(fromInputs)),
                    ToOutputs = Split(result.GetValue(toOutputs)),
                    Namespaces = Split(result.GetValue(namespaces)),
                },
                SplitAssignments(result.GetValue(parameters)),
                SplitAssignments(result.GetValue(runtime)),
                result.GetValue(environment),
                result.GetValue(runId),
                result.GetValue(runner) ?? "sequential",
                result.GetValue(maxWorkers),
                result.GetValue(onlyMissing),
                result.GetValue(timings));
            return RunAsync(context, request, cancellationToken);
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var what = new Argument<string?>("what") { Description = "pipelines, nodes, datasets or parameters (default: all of them).", Arity = ArgumentArity.ZeroOrOne };
        what.AcceptOnlyFromAmong("pipelines", "nodes", "datasets", "parameters");
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "List the nodes and datasets of this pipeline (default: every pipeline)." };
        var environment = EnvironmentOption();
        var command = new Command("list", "Lists the project's pipelines, nodes, datasets and parameters.") { what, pipeline, environment };
        command.SetAction(result => List(context, result.GetValue(what), result.GetValue(pipeline), result.GetValue(environment)));
        return command;
    }

    private static Option<string?> EnvironmentOption() =>
        new("--env", "-e") { Description = "The configuration environment: conf/<env> over conf/base (default: COMPILED_ENV, else local)." };

    private static Option<string[]> ListOption(string name, string? alias, string description)
    {
        var option = alias is null ? new Option<string[]>(name) : new Option<string[]>(name, alias);
        option.Description = description + " Comma-separated, or repeat the option.";
        return option;
    }

    private static async Task<int> RunAsync(CliContext context, RunRequest request, CancellationToken cancellationToken)
    {
        if (!TryParseRunner(request.Runner, out var runnerKind))
        {
            return context.Usage($"Unknown runner '{request.Runner}' (--runner): use sequential or parallel.{NameSuggestions.DidYouMean(request.Runner, Runners)}");
        }

        var progress = new ProgressHook(context.Output, context.Interactive);
        var lastRun = new LastRunHook(context.Error);
        var timings = request.Timings ? new TimingsHook(context.Error, context.Started) : null;
        var creating = TimingsHook.Now();
        if (!context.TryCreateSession(request.Environment, timings is null ? [progress, lastRun] : [progress, lastRun, timings], out var session)) return UsageError;
        timings?.Add("session created", creating);
        lastRun.Path = LastRunHook.DefaultPath(session.ProjectPath);
        if (!TryFindPipeline(context, session, request.Pipeline, out var pipeline)) return UsageError;

        var runtimeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in request.RuntimeValues)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return context.Usage($"--runtime '{assignment}' must have the form name=value.");
            runtimeValues[assignment[..equals].Trim()] = assignment[(equals + 1)..].Trim();
        }

        var options = new RunOptions
        {
            Filter = request.Filter,
            Runner = runnerKind,
            MaxDegreeOfParallelism = request.MaxWorkers,
            OnlyMissingOutputs = request.OnlyMissingOutputs,
            RunId = request.RunId,
            ParameterOverrides = request.Parameters,
            RuntimeValues = runtimeValues,
        };

        try
        {
            progress.Total = pipeline.Definition.FilterIndices(request.Filter).Count;
            var summary = await pipeline.ExecuteAsync(options, cancellationToken).ConfigureAwait(false);
            progress.Finish();
            context.Output.WriteLine(Describe(summary, pipeline.Definition.Nodes.Count));
            timings?.Print();
            return 0;
        }
        catch (PipelineSelectionException exception)
        {
            progress.Finish();
            return context.Usage(exception.Describe(FilterFlags.Of));
        }
        catch (ParameterException exception)
        {
            progress.Finish();
            return context.Usage($"{exception.Message} (--params)");
        }
        catch (ConfigException exception)
        {
            progress.Finish();
            return context.Usage(exception.Message);
        }
        catch (PipelineRunException exception)
        {
            progress.Finish();
            context.PrintFailure(exception);
            return RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Finish();
            context.Error.WriteLine("Run cancelled.");
            return Cancelled;
        }
    }

    private static int List(CliContext context, string? what, string? pipelineName, string? environment)
    {
        if (!context.TryCreateSession(environment, [], out var session)) return UsageError;
        IReadOnlyList<IPipeline> pipelines = session.Pipelines;
        if (pipelineName is not null)
        {
            if (!TryFindPipeline(context, session, pipelineName, out var one)) return UsageError;
            pipelines = [one];
        }

        var output = context.Output;
        var all = what is null;
        if (all || what == "pipelines")
        {
            output.WriteLine("Pipelines:");
            foreach (var pipeline in session.Pipelines)
            {
                var definition = pipeline.Definition;
                output.WriteLine($"  {definition.Name,-24} {definition.Nodes.Count} node{(definition.Nodes.Count == 1 ? "" : "s")}{(definition.Name == "default" ? " (runs when --pipeline is not given)" : "")}");
            }
        }

        if (all || what == "nodes")
        {
            foreach (var pipeline in pipelines)
            {
                var definition = pipeline.Definition;
                output.WriteLine($"Nodes of '{definition.Name}', in run order:");
                foreach (var node in definition.Nodes)
                {
                    var inputs = node.Inputs.Concat(node.Parameters.Select(p => "params:" + p));
                    var details = $"{string.Join(", ", inputs)} -> {string.Join(", ", node.Outputs)}";
                    var tags = node.Tags.Count == 0 ? "" : $"  [tags: {string.Join(", ", node.Tags)}]";
                    output.WriteLine($"  {node.Name,-32} {details}{tags}");
                }
            }
        }

        if (all || what == "datasets")
        {
            output.WriteLine("Datasets:");
            var datasets = pipelines.SelectMany(p => p.Definition.Datasets).GroupBy(d => d.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Name, StringComparer.Ordinal);
            foreach (var dataset in datasets)
            {
                var storage = dataset.Storage switch
                {
                    DatasetStorage.Persisted => dataset.Type ?? "catalog",
                    DatasetStorage.CatalogMemory => "memory (catalog)",
                    DatasetStorage.RuntimeInput => "runtime input",
                    _ => "memory (run only)",
                };
                output.WriteLine($"  {dataset.Name,-32} {storage,-18} {dataset.DataType}{(dataset.IsArtifact ? "  (artifact)" : "")}");
            }
        }

        if (all || what == "parameters")
        {
            output.WriteLine("Parameters (--params path=value):");
            foreach (var path in session.ParameterPaths) output.WriteLine($"  {path}");
        }

        return 0;
    }

    private static bool TryFindPipeline(CliContext context, Session session, string? name, out IPipeline pipeline)
    {
        var names = session.Pipelines.Select(p => p.Definition.Name).ToArray();
        var found = session.FindPipeline(name ?? "default");
        if (found is not null)
        {
            pipeline = found;
            return true;
        }

        pipeline = null!;
        context.Usage(name is null
            ? $"No pipeline is named 'default' (Kedro's __default__), so --pipeline is required. Pipelines: {string.Join(", ", names)}. " +
              "Declare one, e.g. [Pipeline(typeof(DataProcessingPipeline), typeof(DataSciencePipeline))] public sealed partial class DefaultPipeline;"
            : $"Unknown pipeline '{name}' (--pipeline).{NameSuggestions.DidYouMean(name, names)} Pipelines: {string.Join(", ", names)}.");
        return false;
    }

    private static bool TryParseRunner(string value, out RunnerKind runner)
    {
        switch (value.ToLowerInvariant())
        {
            case "sequential" or "sequentialrunner":
                runner = RunnerKind.Sequential;
                return true;
            case "parallel" or "parallelrunner" or "threadrunner":
                runner = RunnerKind.Parallel;
                return true;
            default:
                runner = default;
                return false;
        }
    }

    private static string Describe(RunSummary summary, int pipelineNodes)
    {
        var seconds = summary.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        var text = $"Pipeline '{summary.PipelineName}' completed: {summary.NodesRun.Count} of {pipelineNodes} node{(pipelineNodes == 1 ? "" : "s")} ran in {seconds} s (run {summary.RunId}).";
        if (summary.NodesSkipped.Count > 0) text += $" Skipped, outputs exist: {string.Join(", ", summary.NodesSkipped)}.";
        return text;
    }

    /// <summary>Values of a list option: comma-separated, the option repeated, or both.</summary>
    internal static IReadOnlyList<string> Split(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    /// <summary>
    /// <c>a.b=1,c=x</c> into <c>a.b=1</c>, <c>c=x</c>; a comma-separated piece without <c>=</c> belongs to the value
    /// before it (<c>features=engines,crew</c> stays one assignment).
    /// </summary>
    internal static IReadOnlyList<string> SplitAssignments(string[]? values)
    {
        var assignments = new List<string>();
        foreach (var value in values ?? [])
        {
            var start = assignments.Count;
            foreach (var piece in value.Split(','))
            {
                if (assignments.Count > start && !piece.Contains('=', StringComparison.Ordinal)) assignments[^1] += "," + piece;
                else assignments.Add(piece.Trim());
            }
        }

        return assignments.Where(a => a.Length > 0).ToArray();
    }

    private sealed record RunRequest(
        string? Pipeline, NodeFilter Filter, IReadOnlyList<string> Parameters, IReadOnlyList<string> RuntimeValues,
        string? Environment, string? RunId, string Runner, int? MaxWorkers, bool OnlyMissingOutputs, bool Timings);

    /// <summary>What every command needs: how to make a session, where to write, how the program is called.</summary>
    private sealed class CliContext(Func<SessionOptions, Session> createSession, CliOptions options, TextWriter output, TextWriter error, TimingsHook.Mark started)
    {
        /// <summary>When the command line was entered, with the runtime's counters then.</summary>
        public TimingsHook.Mark Started => started;

        public TextWriter Output => output;

        public TextWriter Error => error;

        public bool Interactive { get; } = options.Interactive ?? (options.Output is null && !Console.IsOutputRedirected);

        public string CommandName => options.CommandName ?? System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "app";

        public bool TryCreateSession(string? environment, IReadOnlyList<PipelineHook> hooks, out Session session)
        {
            var template = options.Session;
            try
            {
                session = createSession(new SessionOptions
                {
                    Environment = environment ?? template.Environment,
                    ProjectPath = template.ProjectPath,
                    LoggerFactory = template.LoggerFactory,
                    JsonTypeInfoResolver = template.JsonTypeInfoResolver,
                    FileStores = template.FileStores,
                    Hooks = hooks.Count == 0 ? template.Hooks : [.. template.Hooks, .. hooks],
                });
            }
            catch (ConfigException exception)
            {
                session = null!;
                Usage(environment is null ? exception.Message : $"{exception.Message} (--env {environment})");
                return false;
            }

            // An environment other than the default 'local' must have its directory: a typo would otherwise run on conf/base alone.
            var conf = Path.Combine(session.ProjectPath, "conf");
            if (environment is not null && environment != "local" && !Directory.Exists(Path.Combine(conf, environment)))
            {
                var known = Directory.Exists(conf)
                    ? Directory.GetDirectories(conf).Select(Path.GetFileName).OfType<string>().Where(e => e != "base").Order(StringComparer.Ordinal).ToArray()
                    : [];
                Usage($"Unknown environment '{environment}' (--env): there is no conf/{environment} directory.{NameSuggestions.DidYouMean(environment, known)}" +
                    (known.Length > 0 ? $" Environments: {string.Join(", ", known)}." : ""));
                return false;
            }

            return true;
        }


        public int Usage(string message)
        {
            error.WriteLine($"error: {message}");
            return UsageError;
        }

        public void PrintFailure(PipelineRunException exception)
        {
            error.WriteLine(exception.Failures.Count == 1
                ? $"error: node '{exception.NodeName}' of pipeline '{exception.PipelineName}' failed (run {exception.RunId}): {exception.Failures[0].Exception.Message}"
                : $"error: {exception.Failures.Count} nodes of pipeline '{exception.PipelineName}' failed (run {exception.RunId}):");
            if (exception.Failures.Count > 1)
            {
                foreach (var failure in exception.Failures) error.WriteLine($"  {failure.NodeName}: {failure.Exception.Message}");
            }

            error.WriteLine($"Nodes not run: {string.Join(", ", exception.NotRun)}.");
            error.WriteLine("To resume from the nearest nodes with persisted inputs:");
            error.WriteLine($"  {CommandName} {exception.ResumeCommand}");
        }
    }
}
