#if (spaceflights)
using Compiled;
#endif
using Compiled.Cli;
using MyNamespace;
#if (spaceflights)
using MyNamespace.Model;
#endif

// The project's command line: run (Kedro's filters, --params, --env, --runtime), list, viz.
//   dotnet run --project src/ProjectDirName -- run
return await CompiledCli.RunAsync(args, options => MyNamespaceProject.CreateSession(options), new CliOptions
{
    CommandName = "dotnet run --project src/ProjectDirName --",
#if (spaceflights)
    // The json datasets (regressor, metrics) take their metadata from SpaceflightsJsonContext (source-generated).
    Session = new SessionOptions { JsonTypeInfoResolver = SpaceflightsJsonContext.Default },
#endif
});
