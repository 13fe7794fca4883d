using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>Compiles the Launchpad project in memory once and loads it; each test gets its own project directory.</summary>
public sealed class LaunchpadAssembly : IDisposable
{
    private readonly InMemoryAssembly _assembly = InMemoryAssembly.Load(Launchpad.Run.OutputCompilation);

    public Type Type(string name) => _assembly.GetType("Launchpad." + name);

    public void Dispose() => _assembly.Dispose();
}

/// <summary>
/// Generated pipelines, compiled and run on real files: what they load, what they return, what they
/// save, how runtime inputs and parameters reach the nodes, and how failures are reported.
/// </summary>
public sealed class RunTests(LaunchpadAssembly launchpad) : IClassFixture<LaunchpadAssembly>, IDisposable
{
    private readonly TempProjectDirectory _directory = new TempProjectDirectory()
        .WriteConfig(Launchpad.Project)
        .Write("data/01_raw/companies.csv", Launchpad.CompaniesCsv);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Chain_Run_LoadsCsv_SavesCsvAndJson_AndReturnsTheLastOutput()
    {
        var session = CreateSession();

        var result = Pipeline(session, "ChainPipeline").Call("Run")!;

        var summary = result.Get("Summary")!;
        Assert.Equal(2, summary.Get("Count"));
        Assert.Equal(0.8, summary.Get("AverageRating"));
        Assert.Equal("Acme Rockets", summary.Get("Best"));
        Assert.Equal("id,name,rating\n1,Acme Rockets,0.9\n2,Orbital Ltd,0.4\n3,Lunar Lines,0.7\n",
            _directory.Read("data/02_intermediate/clean_companies.csv").Replace("\r\n", "\n"));
        var json = _directory.Read("data/08_reporting/summary.json");
        Assert.Contains("\"count\": 2", json);
        Assert.Contains("\"average_rating\": 0.8", json);
        Assert.Contains("\"best\": \"Acme Rockets\"", json);
    }

    [Fact]
    public async Task Chain_RunAsync_GivesTheSameResultAndFiles()
    {
        var session = CreateSession();

        var result = await ReflectionCalls.AwaitResult(Pipeline(session, "ChainPipeline").Call("RunAsync"));

        var summary = result!.Get("Summary")!;
        Assert.Equal((2, 0.8, "Acme Rockets"), ((int)summary.Get("Count")!, (double)summary.Get("AverageRating")!, (string)summary.Get("Best")!));
        Assert.True(_directory.Exists("data/02_intermediate/clean_companies.csv"));
        Assert.True(_directory.Exists("data/08_reporting/summary.json"));
    }

    [Fact]
    public void Scoring_TupleNodeOverRuntimeInput_WithRecordAndDottedParams()
    {
        var session = CreateSession();
        double[] measurements = [1, 2, 3, 4, 5, 6, 7, 8];

        var result = Pipeline(session, "ScoringPipeline").Call("Run", ("measurements", measurements))!;

        // test_size 0.25 of 8 rows: the first 2 are the test set (a tuple element no node consumes).
        Assert.Equal([1.0, 2.0], (double[])result.Get("Test")!);
        Assert.Equal("train=6 sum=33 test_size=0.25 features=engines+crew seed=7", result.Get("Report"));
    }

    [Fact]
    public async Task Scoring_RunAsync_TakesTheRuntimeInputToo()
    {
        var session = CreateSession();

        var result = await ReflectionCalls.AwaitResult(
            Pipeline(session, "ScoringPipeline").Call("RunAsync", ("measurements", new double[] { 10, 20, 30, 40 })));

        Assert.Equal([10.0], (double[])result!.Get("Test")!);
        Assert.Equal("train=3 sum=90 test_size=0.25 features=engines+crew seed=7", result!.Get("Report"));
    }

    [Fact]
    public void Parameters_OverriddenForOneRun_ReachRecordAndDottedBindings_AndTheSessionKeepsItsOwn()
    {
        var session = CreateSession();
        var pipeline = Pipeline(session, "ScoringPipeline");
        var overrides = launchpad.Type("Overrides");
        double[] measurements = [1, 2, 3, 4, 5, 6, 7, 8];
        var halved = overrides.CallStatic("WithTestSize", ("parameters", session.Get("Parameters")), ("testSize", 0.5));

        var overridden = pipeline.Call("Run", ("measurements", measurements), ("parameters", halved))!;
        var defaults = pipeline.Call("Run", ("measurements", measurements))!;

        Assert.Equal([1.0, 2.0, 3.0, 4.0], (double[])overridden.Get("Test")!);
        Assert.Equal("train=4 sum=26 test_size=0.5 features=engines+crew seed=7", overridden.Get("Report"));
        Assert.Equal("train=6 sum=33 test_size=0.25 features=engines+crew seed=7", defaults.Get("Report"));
        Assert.Equal(0.25, session.Get("Parameters")!.Get("ModelOptions")!.Get("TestSize"));
    }

    [Fact]
    public void Parameters_OverriddenScalar_ChangesWhatAScalarParamNodeSees()
    {
        var session = CreateSession();
        var everyone = launchpad.Type("Overrides").CallStatic("WithMinRating", ("parameters", session.Get("Parameters")), ("minRating", 0.0));

        var result = Pipeline(session, "ChainPipeline").Call("Run", ("parameters", everyone))!;

        Assert.Equal(3, result.Get("Summary")!.Get("Count"));
    }

    [Fact]
    public void FailingNode_Run_ThrowsPipelineRunException_NamingNodePipelineRunAndWhatDidNotRun()
    {
        var session = CreateSession();

        var exception = Assert.Throws<PipelineRunException>(() =>
            Pipeline(session, "FailingPipeline").Call("Run", ("seed", 41), ("runId", "run-42")));

        AssertExplodeFailure(exception);
    }

    [Fact]
    public void FailingNode_RunWithCancellableToken_TakesTheObservedPathAndThrowsTheSameException()
    {
        // A token that can be cancelled sends Run through RunObserved (hooks and token checks around each node);
        // the failure must be reported exactly as on the unobserved path above.
        var session = CreateSession();
        using var cancellation = new CancellationTokenSource();

        var exception = Assert.Throws<PipelineRunException>(() =>
            Pipeline(session, "FailingPipeline").Call("Run", ("seed", 41), ("runId", "run-42"), ("cancellationToken", cancellation.Token)));

        AssertExplodeFailure(exception);
    }

    [Fact]
    public async Task FailingNode_RunAsync_ThrowsTheSameException()
    {
        var session = CreateSession();

        var exception = await Assert.ThrowsAsync<PipelineRunException>(() =>
            ReflectionCalls.AwaitResult(Pipeline(session, "FailingPipeline").Call("RunAsync", ("seed", 41), ("runId", "run-42"))));

        AssertExplodeFailure(exception);
    }

    [Fact]
    public void MissingInputFile_Run_ThrowsPipelineRunException_NamingDatasetFileAndNode()
    {
        File.Delete(_directory.FullPath("data/01_raw/companies.csv"));
        var session = CreateSession();

        var exception = Assert.Throws<PipelineRunException>(() => Pipeline(session, "ChainPipeline").Call("Run"));

        AssertMissingCompanies(exception);
    }

    [Fact]
    public async Task MissingInputFile_RunAsync_ThrowsTheSameException()
    {
        File.Delete(_directory.FullPath("data/01_raw/companies.csv"));
        var session = CreateSession();

        var exception = await Assert.ThrowsAsync<PipelineRunException>(() =>
            ReflectionCalls.AwaitResult(Pipeline(session, "ChainPipeline").Call("RunAsync")));

        AssertMissingCompanies(exception);
    }

    [Fact]
    public void Session_RunsTheSamePipelineManyTimes_WithTheirOwnRunIds()
    {
        var session = CreateSession();
        var pipeline = Pipeline(session, "FailingPipeline");

        var ids = Enumerable.Range(0, 3)
            .Select(_ => Assert.Throws<PipelineRunException>(() => pipeline.Call("Run", ("seed", 1))).RunId)
            .ToList();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
    }

    private object CreateSession() =>
        launchpad.Type("LaunchpadProject").CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = _directory.Path, Environment = "base" }))!;

    private static object Pipeline(object session, string className)
    {
        var property = className[..^"Pipeline".Length];
        var pipeline = session.Get(property)!;
        Assert.Equal(className, pipeline.GetType().Name);
        return pipeline;
    }

    private static void AssertExplodeFailure(PipelineRunException exception)
    {
        Assert.Equal("failing", exception.PipelineName);
        Assert.Equal("explode", exception.NodeName);
        Assert.Equal("run-42", exception.RunId);
        Assert.Equal(["explode", "never_runs"], exception.NotRun);
        var inner = Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal("boom: the engine exploded at 42", inner.Message);
        foreach (var part in new[] { "'explode'", "'failing'", "run-42", "never_runs", "boom: the engine exploded at 42" })
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }
    }

    private void AssertMissingCompanies(PipelineRunException exception)
    {
        Assert.Equal("chain", exception.PipelineName);
        Assert.Equal("clean", exception.NodeName);
        Assert.Equal(["clean", "keep_rated", "summarize"], exception.NotRun);
        var dataset = Assert.IsType<DatasetException>(exception.InnerException);
        Assert.Equal("companies", dataset.DatasetName);
        foreach (var part in new[] { "'companies'", _directory.FullPath("data/01_raw/companies.csv"), "'clean'", "not found" })
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }
    }
}
