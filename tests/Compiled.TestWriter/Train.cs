namespace Compiled.TestWriter;

/// <summary>
/// One training process: a session of the project saves two versioned datasets in one run, as a generated
/// pipeline does (<see cref="RunContext.Save{T}"/>), and prints the versions it wrote.
/// </summary>
internal static class Train
{
    public static int Run(string project)
    {
        var session = new TrainerSession(new SessionOptions { ProjectPath = project, Environment = "base" });
        var model = Compiled.Datasets.JsonDataset<Result>.FromConfig(session.Config.GetDataset("model"));
        var metrics = Compiled.Datasets.JsonDataset<Result>.FromConfig(session.Config.GetDataset("metrics"));
        var worker = new Result(Environment.ProcessId);
        Console.WriteLine("ready");
        if (Console.In.ReadLine() != "go") return 3;

        var run = session.StartRun("train", runId: null);
        run.Save(model, worker);
        run.Save(metrics, worker);
        run.PipelineCompleted();
        Console.WriteLine($"saved {worker.Worker}");
        return 0;
    }

    /// <summary>What a worker saves: its process id, so that the test knows who wrote each version.</summary>
    public sealed record Result(int Worker);

    private sealed class TrainerSession(SessionOptions options) : Session(options);
}
