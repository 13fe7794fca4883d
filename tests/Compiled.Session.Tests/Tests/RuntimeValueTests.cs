using Compiled;
using Compiled.Cli;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// A runtime value that would leave its entry's directory is refused wherever it comes from: a generated <c>Run</c>
/// argument or the command line's <c>--runtime</c>. The refusal reaches the caller as a <see cref="RuntimeValueException"/>
/// (not a node failure), before the dataset is touched, and nothing is written outside the project.
/// </summary>
public sealed class RuntimeValueTests : IDisposable
{
    private readonly ProjectDirectory _project = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "compiled-escape-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _project.Dispose();
        if (Directory.Exists(_outside)) Directory.Delete(_outside, recursive: true);
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("..")]
    [InlineData("..\\..\\win")]
    public void A_run_argument_that_climbs_is_refused_before_the_dataset_is_read(string customer)
    {
        var session = _project.CreateSession();

        var error = Assert.Throws<RuntimeValueException>(() => session.Customers.Run(customer: customer));

        Assert.Equal(("customer_orders", "customer"), (error.DatasetName, error.ValueName));
        Assert.Contains("conf/base/catalog.yml:38", error.Message.Replace('\\', '/'));
        Assert.Contains("must be exactly one path segment", error.Message);
    }

    [Fact]
    public async Task The_command_lines_runtime_value_cannot_write_outside_the_project()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var relative = Path.GetRelativePath(Path.Combine(_project.Path, "data", "out"), _outside);

        var exit = await CompiledCli.RunAsync(["run", "--pipeline", "pricing", "--runtime", "region=" + relative],
            options => OrdersProject.CreateSession(options), new CliOptions
            {
                CommandName = "orders",
                Output = output,
                Error = error,
                Interactive = false,
                Session = new SessionOptions { ProjectPath = _project.Path },
            });

        Assert.NotEqual(0, exit);
        Assert.Contains("the runtime value 'region' is written into 'filepath', where it must be exactly one path segment", error.ToString() + output);
        Assert.False(Directory.Exists(_outside));
    }
}
