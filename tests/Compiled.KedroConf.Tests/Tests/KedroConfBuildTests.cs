using System.Reflection;
using System.Text.RegularExpressions;
using Compiled.EndToEnd.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.KedroConf.Tests;

/// <summary>
/// <c>dotnet build</c> of BrokenConf/: a Kedro conf/ with an argument and a type Compiled cannot honour fails with one
/// located diagnostic for each (the YAML file and line of the key, of the type), and nothing else.
/// </summary>
public sealed class KedroConfBuildTests(ITestOutputHelper output)
{
    private static readonly string Configuration =
        typeof(KedroConfBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly Regex Diagnostic = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]+\])?\r?$",
        RegexOptions.Multiline);

    [Fact]
    public async Task Kedro_argument_and_type_without_equivalent_fail_the_build_on_their_yaml_lines()
    {
        var directory = Path.Combine(Repository.Root, "tests", "Compiled.KedroConf.Tests", "BrokenConf");
        var result = await Dotnet.RunAsync(directory, "build", "BrokenConf.csproj", "-c", Configuration, "--no-dependencies", "--disable-build-servers", "-nologo", "-v:q");
        output.WriteLine(result.ToString());

        Assert.NotEqual(0, result.ExitCode);
        var failed = result.Output.IndexOf("Build FAILED.", StringComparison.Ordinal);
        Assert.True(failed >= 0, "MSBuild's summary ('Build FAILED.') is missing:\n" + result);
        var diagnostics = Diagnostic.Matches(result.Output[..failed])
            .Select(m => $"{Path.GetRelativePath(directory, Path.GetFullPath(m.Groups["file"].Value.Trim(), directory))}({m.Groups["line"].Value}): {m.Groups["id"].Value}: {m.Groups["message"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Collection(diagnostics, // sorted as text: line (21) before line (8)
            d =>
            {
                Assert.StartsWith("conf/base/catalog.yml(21): CPL0019: Catalog entry 'weather' has the Kedro type 'spark.SparkDataset', which Compiled does not support. Supported Kedro types: pandas.CSVDataset, ", d);
                Assert.Contains("pickle.PickleDataset", d, StringComparison.Ordinal);
            },
            d =>
            {
                Assert.StartsWith("conf/base/catalog.yml(8): CPL0020: Catalog entry 'companies' sets 'load_args.usecols', which type 'pandas.CSVDataset' cannot honour: ", d);
                Assert.Contains("shape the row type instead", d, StringComparison.Ordinal);
            });
    }
}
