using Compiled;
using Xunit;

namespace MyNamespace.Tests;

/// <summary>Runs the project's pipelines on a copy of its conf/ and data/, so that the runs never touch the project's own files.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "ProjectDirName-tests", Guid.NewGuid().ToString("N"));

    public PipelineTests()
    {
        var source = FindProject();
        Copy(Path.Combine(source, "conf", "base"), Path.Combine(_project, "conf", "base"));
        Copy(Path.Combine(source, "data", "01_raw"), Path.Combine(_project, "data", "01_raw"));
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private MyNamespaceSession CreateSession() => MyNamespaceProject.CreateSession(new SessionOptions { ProjectPath = _project });

    [Fact]
    public void Default_pipeline_prices_each_product_with_the_markup_and_saves_the_price_list()
    {
        var result = CreateSession().Default.Run();

        Assert.Equal(2.50m, result.PriceList.Prices["widget"]);   // 2.00 + 25 %
        Assert.Equal(1.88m, result.PriceList.Prices["gizmo"]);    // 1.50 + 25 %, rounded
        var versions = Directory.GetDirectories(Path.Combine(_project, "data", "06_models", "price_list.json"));
        Assert.Single(versions);
    }

    [Fact]
    public void A_run_takes_other_parameters()
    {
        var session = CreateSession();

        var result = session.Default.Run(parameters: session.Parameters with { Pricing = session.Parameters.Pricing with { Markup = 0.5m } });

        Assert.Equal(3.00m, result.PriceList.Prices["widget"]);
    }

    [Fact]
    public void Quote_pipeline_takes_the_order_at_run_time_and_the_price_list_as_an_artifact()
    {
        var session = CreateSession();
        session.Default.Run();

        var quote = session.Quote.Run(new Order("widget", 3)).Quote;

        Assert.Equal(new Quote("widget", 7.50m), quote);
        Assert.True(session.IsPreloaded(session.Catalog.PriceList));
    }

    private static string FindProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "ProjectDirName");
            if (Directory.Exists(Path.Combine(project, "conf", "base"))) return project;
        }

        throw new DirectoryNotFoundException("src/ProjectDirName/conf/base not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
