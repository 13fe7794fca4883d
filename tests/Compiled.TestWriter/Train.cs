namespace Compiled.TestWriter;

/// <summary>
/// One training process: a session of the project runs <c>runs</c> times; each run saves two versioned datasets,
/// as a generated pipeline does (<see cref="RunContext.Save{T}"/>). Prints "ready" and the save version of its
/// first run, then waits for "go"; prints "saved" when done.
/// </summary>
internal static class Train
{
    public static int Run(string project, int runs)
    {
        var session = new TrainerSession(new SessionOptions { ProjectPath = project, Environment = "base" });
        var model = Compiled.Datasets.JsonDataset<Result>.FromConfig(session.Config.GetDataset("model"));
        var metrics = Compiled.Datasets.JsonDataset<Result>.FromConfig(session.Config.GetDataset("metrics"));
        var first = session.StartRun("train", runId: null);
        Console.WriteLine($"ready {first.SaveVersion}"); // the version its first run will try: the test may take it first
        if (Console.In.ReadLine() != "go") return 3;

        for (var i = 0; i < runs; i++)
        {
            var run = i == 0 ? first : session.StartRun("train", runId: null);
            run.Save(model, new Result(Environment.ProcessId, i));
            run.Save(metrics, new Result(Environment.ProcessId, i));
            run.PipelineCompleted();
        }
        Console.WriteLine("saved");
        return 0;
    }

    /// <summary>What a worker saves: its process id and the run, so that the test knows who wrote each version.</summary>
    public sealed record Result(int Worker, int Run);

    private sealed class TrainerSession(SessionOptions options) : Session(options);
}
