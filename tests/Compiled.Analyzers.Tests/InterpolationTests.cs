using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0011: a <c>${…}</c> in a catalog value that nothing provides.</summary>
public sealed class InterpolationTests
{
    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    [Fact]
    public Task Unknown_resolver_is_reported_on_the_yaml_value() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:data/${foo:region}/raw.csv|}\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${foo:region}", "raw",
            "unknown resolver 'foo'; catalog values can use ${runtime:…} and ${globals:…}, credentials ${env:…}")]);

    [Fact]
    public Task Global_that_base_globals_do_not_define_and_has_no_default_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:\"${globals:paths.raw}/raw.csv\"|}\n"), (Globals, "paths:\n  intermediate: data/02\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${globals:paths.raw}", "raw",
            "define 'paths.raw' in conf/base/globals.yml or give a default: ${globals:paths.raw,default}")]);

    [Fact]
    public Task Global_is_reported_when_there_is_no_globals_file() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:${globals:root}/raw.csv|}\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${globals:root}", "raw",
            "define 'root' in conf/base/globals.yml or give a default: ${globals:root,default}")]);

    [Fact]
    public Task Runtime_values_defined_globals_and_globals_with_defaults_are_provided() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: csv\n  filepath: ${globals:paths.raw}/${runtime:region}/${globals:tier,gold}/raw.csv\n"),
        (Globals, "paths:\n  raw: data/01_raw\n"),
        ("/0/conf/base/globals_more.yml", "unrelated: 1\n"));
}
