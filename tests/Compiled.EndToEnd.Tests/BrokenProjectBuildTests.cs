using Xunit;
using Xunit.Abstractions;

namespace Compiled.EndToEnd.Tests;

// One class per project, so that xunit builds the projects in parallel.

/// <summary>
/// BrokenProject/BrokenCatalog: one mistake, one diagnostic. A catalog.yml that does not parse fails the build at its line
/// and column, and nothing else: the code that loads the broken entry and runs the pipeline with catalog inputs compiles
/// (before, the catalog lost every member and the pipeline its Inputs: CS1061, CS0426).
/// </summary>
public sealed class BrokenCatalogBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Yaml_that_does_not_parse_fails_the_build_at_its_line_and_column_in_catalog_yml_only()
    {
        var diagnostics = await BrokenProjectBuild.BuildAsync("BrokenCatalog", output);

        Assert.Equal(
            ["conf/base/catalog.yml(9,2): error CPL0006: 'conf/base/catalog.yml' is not valid YAML: this line is not indented like the keys above it: indent it like them, or under a key that ends in ':'"],
            diagnostics);
    }
}

/// <summary>
/// BrokenProject/BrokenParameters: one mistake, one diagnostic. A parameters.yml with a list never closed in its first
/// entry fails the build there, and nothing else: the code reading a generated parameter, replacing a [Param]-bound record
/// and running the pipeline compiles (before, the parameters record lost every member: CS1061, CS0117).
/// </summary>
public sealed class BrokenParametersBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Yaml_that_does_not_parse_fails_the_build_in_parameters_yml_only()
    {
        var diagnostics = await BrokenProjectBuild.BuildAsync("BrokenParameters", output);

        Assert.Equal(
            ["conf/base/parameters.yml(5,8): error CPL0006: 'conf/base/parameters.yml' is not valid YAML: the '[' or '{' that starts here is never closed: close it, or quote the value if the bracket is text"],
            diagnostics);
    }
}

/// <summary>
/// BrokenProject/BrokenDeclaration: one mistake, one diagnostic. A [Pipeline] naming a class without [Node] methods fails
/// the build on the declaration, and nothing else: the code running that pipeline compiles.
/// </summary>
public sealed class BrokenDeclarationBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_broken_pipeline_declaration_fails_the_build_with_its_cpl_error_only()
    {
        var diagnostics = await BrokenProjectBuild.BuildAsync("BrokenDeclaration", output);

        Assert.Equal(
            ["Nodes.cs(21,29): error CPL0008: 'QuotePipeline' cannot be compiled into a pipeline: 'BrokenDeclaration.Formatting' has no [Node] methods"],
            diagnostics);
    }
}

/// <summary>BrokenProject/BrokenNodes: broken references fail the build at the C# and YAML lines that are wrong, once each.</summary>
public sealed class BrokenNodesBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Broken_references_fail_the_build_at_the_csharp_and_yaml_lines_that_are_wrong()
    {
        var diagnostics = await BrokenProjectBuild.BuildAsync("BrokenNodes", output);

        Assert.Equal(
            [
                "Nodes.cs(15,16): error CPL0001: Node 'clean' reads 'companeis', which no catalog entry, node output or pipeline input provides. Did you mean 'companies'?",
                "Nodes.cs(16,16): error CPL0002: Node 'clean' binds parameter 'cleaning.min_ratng', which conf/base/parameters*.yml does not define: did you mean 'cleaning.min_rating'?",
                "Nodes.cs(20,27): error CPL0008: 'Summarize' cannot be compiled into a pipeline: it declares 2 outputs but returns a single value",
                "conf/base/catalog.yml(12,1): error CPL0009: Catalog entry 'shuttles' is not used by any node or pipeline",
                "conf/base/catalog.yml(2,1): error CPL0009: Catalog entry 'companies' is not used by any node or pipeline",
                "conf/base/catalog.yml(8,9): error CPL0007: Catalog entry 'summary' has an unknown type 'jsno'; did you mean 'json'?",
            ],
            diagnostics);
    }
}

/// <summary>
/// BrokenProject/BrokenPipeline: one mistake, one diagnostic. A pipeline with a runtime input, a runtime value and a
/// catalog input has one misspelt input; the code that calls its Run and RunAsync, and reads the parameters, compiles,
/// so the build reports only the CPL error (before, the broken Run lost its runtime input and the caller got CS1503).
/// </summary>
public sealed class BrokenPipelineBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_broken_pipeline_fails_the_build_with_its_cpl_error_only()
    {
        var diagnostics = await BrokenProjectBuild.BuildAsync("BrokenPipeline", output);

        Assert.Equal(
            ["Nodes.cs(21,16): error CPL0001: Node 'quote' reads 'discuont', which no catalog entry, node output or pipeline input provides. Add it to conf/base/catalog.yml, produce it with a node, or declare it in the pipeline's Inputs."],
            diagnostics);
    }
}
