using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Compiled.Benchmarks;
using Compiled.Benchmarks.Infrastructure;
using Compiled.Cli;

// `viz` draws the benchmark project's pipelines with the project command line's viz (benchmarks/viz.sh times the page
// of the 1,000-node chain): dotnet run -c Release --project benchmarks/Compiled.Benchmarks -- viz --pipeline chain1000
if (args is ["viz", ..])
{
    return await CompiledCli.RunAsync(args, options => BenchmarksProject.CreateSession(options),
        new CliOptions { Session = new Compiled.SessionOptions { ProjectPath = ProjectDirectory.Path, Environment = "base" } });
}

// `storage-memory` prints the peak resident memory of each object storage operation (see Storage/StoragePeakMemory.cs).
if (Compiled.Benchmarks.Storage.StoragePeakMemory.Handles(args)) return await Compiled.Benchmarks.Storage.StoragePeakMemory.RunAsync(args);

// dotnet run -c Release --project benchmarks/Compiled.Benchmarks -- --filter '*'              (full)
// dotnet run -c Release --project benchmarks/Compiled.Benchmarks -- --filter '*' --job short  (quick)
// Results land in benchmarks/Compiled.Benchmarks/BenchmarkDotNet.Artifacts/results (git-ignored).
var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine(ProjectDirectory.Path, "BenchmarkDotNet.Artifacts"))
    // BenchmarkDotNet rebuilds the project (generator, 1,000-node pipeline and all) for its child
    // process without the compiler server: on a busy 2-core machine that exceeds the default 2 minutes.
    .WithBuildTimeout(TimeSpan.FromMinutes(15))
    .AddColumn(StatisticColumn.Median)
    .AddColumn(new NanosecondsPerNodeColumn());
BenchmarkSwitcher.FromAssembly(typeof(ProjectDirectory).Assembly).Run(args, config);
return 0;
