using Compiled.Cli;
using MyNamespace;

// The project's command line: run (Kedro's filters, --params, --env, --runtime), list, viz.
//   dotnet run --project src/ProjectDirName -- run
return await CompiledCli.RunAsync(args, options => MyNamespaceProject.CreateSession(options), new CliOptions
{
    CommandName = "dotnet run --project src/ProjectDirName --",
});
