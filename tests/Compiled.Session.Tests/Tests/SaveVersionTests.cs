using Compiled;
using Compiled.Datasets;
using Compiled.TestWriter.Client;
using Xunit;

namespace Orders.Tests;

/// <summary>Save versions stay unique when other processes save the same versioned datasets at the same time.</summary>
public sealed class SaveVersionTests : IDisposable
{
    private const int Workers = 16;
    private const int RunsPerWorker = 8;
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_run_whose_save_version_another_process_took_saves_the_next_free_one_and_keeps_it_for_its_other_saves()
    {
        var session = _project.CreateSession();
        var model = new JsonDataset<int>("model", _project.File("data/model.json"), versioning: DatasetVersioning.Latest);
        var metrics = new JsonDataset<int>("metrics", _project.File("data/metrics.json"), versioning: DatasetVersioning.Latest);
        var run = session.StartRun("train", runId: null);
        var taken = run.SaveVersion;
        new JsonDataset<int>("model", model.FilePath, versioning: DatasetVersioning.Latest).Save(-1, taken); // another process

        run.Save(model, 1);
        run.Save(metrics, 2);
        var moved = run.SaveVersion;
        run.PipelineCompleted();

        Assert.Equal(DatasetVersion.Next(taken), moved);
        Assert.Equal([taken, moved], model.ListVersions());
        Assert.Equal([moved], metrics.ListVersions()); // the run's outputs share the version it moved to
        Assert.Equal(-1, model.Load(taken));
        Assert.Equal(1, model.Load(moved));
        Assert.True(string.CompareOrdinal(session.StartRun("train", runId: null).SaveVersion, moved) > 0); // later runs start after it
    }

    [Fact]
    public void Sixteen_processes_saving_the_same_versioned_datasets_at_once_all_succeed_with_distinct_loadable_versions()
    {
        File.WriteAllText(_project.File("conf/base/catalog.yml"), """
            model:
              type: json
              filepath: data/06_models/model.json
              versioned: true
            metrics:
              type: json
              filepath: data/08_reporting/metrics.json
              versioned: true
            """);
        var workers = new List<TestWriterProcess>();
        try
        {
            for (var i = 0; i < Workers; i++) workers.Add(TestWriterProcess.Start("train", _project.Path, RunsPerWorker.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // Each worker's first run tries a version another process (this one) has saved already, so every worker
            // collides at least once; then all of them save at the same moment.
            var taken = workers.Select(w => w.ExpectWord("ready")).Distinct().ToArray();
            var other = new JsonDataset<WorkerResult>("model", _project.File("data/06_models/model.json"), versioning: DatasetVersioning.Latest);
            foreach (var version in taken) other.Save(new WorkerResult(0, -1), version);
            foreach (var worker in workers) worker.Send("go");
            foreach (var worker in workers)
            {
                worker.Expect("saved");
                Assert.Equal(0, worker.WaitForExit());
            }

            var runs = workers.SelectMany(w => Enumerable.Range(0, RunsPerWorker).Select(i => new WorkerResult(w.Id, i))).Order().ToArray();
            var takenFirst = taken.Select(_ => new WorkerResult(0, -1));
            foreach (var (name, expected) in new[] { ("data/06_models/model.json", runs.Concat(takenFirst).Order().ToArray()), ("data/08_reporting/metrics.json", runs) })
            {
                var dataset = new JsonDataset<WorkerResult>(name, _project.File(name), versioning: DatasetVersioning.Latest);
                var versions = dataset.ListVersions();
                Assert.Equal(expected.Length, versions.Distinct().Count());
                Assert.All(versions, v => Assert.True(DatasetVersion.TryParse(v, out _), $"'{v}' is not in Kedro's format"));
                Assert.Equal(expected, versions.Select(v => dataset.Load(v)).Order().ToArray()); // every save's data, once: nothing overwritten
            }
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    /// <summary>What a Compiled.TestWriter worker saves.</summary>
    public sealed record WorkerResult(int Worker, int Run) : IComparable<WorkerResult>
    {
        /// <inheritdoc />
        public int CompareTo(WorkerResult? other) => other is null ? 1 : (Worker, Run).CompareTo((other.Worker, other.Run));
    }
}
