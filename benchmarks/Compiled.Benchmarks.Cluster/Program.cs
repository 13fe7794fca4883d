using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Compiled.Benchmarks.Cluster;

// dotnet run -c Release --project benchmarks/Compiled.Benchmarks.Cluster -- --filter '*' --job short
// Results land in benchmarks/Compiled.Benchmarks.Cluster/BenchmarkDotNet.Artifacts/results (git-ignored).
var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine(ProjectPaths.Benchmarks, "BenchmarkDotNet.Artifacts"))
    .WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(ProjectPaths).Assembly).Run(args, config);
return 0;
