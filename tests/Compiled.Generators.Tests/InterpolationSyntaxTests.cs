using Compiled.Generators.Building;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The <c>${…}</c> grammar as the build reads it: the same source a run resolves values with
/// (src/Compiled/Config/InterpolationSyntax.cs; the runtime's side is tested in Compiled.Tests/Config/InterpolationSyntaxTests).
/// </summary>
public sealed class InterpolationSyntaxTests
{
    private const string ParametersPath = "/p/conf/base/parameters.yml";

    private static (string? Value, List<DiagnosticInfo> Diagnostics) Parameter(string yamlValue, string globals = "root: data\n")
    {
        var parameters = YamlParser.Parse(ParametersPath, ConfigFileKind.Parameters, SourceText.From("value: " + yamlValue + "\n")).Root!;
        var globalsRoot = YamlParser.Parse("/p/conf/base/globals.yml", ConfigFileKind.Globals, SourceText.From(globals)).Root!;
        var diagnostics = new List<DiagnosticInfo>();
        var resolved = ParameterInterpolations.Resolve(parameters, globalsRoot, diagnostics);
        return (((YamlScalar)resolved["value"]!).Value, diagnostics);
    }

    private static List<DiagnosticInfo> Catalog(string yamlValue)
    {
        var entry = YamlParser.Parse("/p/conf/base/catalog.yml", ConfigFileKind.Catalog, SourceText.From("raw:\n  type: csv\n  filepath: " + yamlValue + "\n")).Root!;
        var diagnostics = new List<DiagnosticInfo>();
        Interpolations.Scan("raw", entry["raw"]!, entry, diagnostics);
        return diagnostics;
    }

    [Fact]
    public void A_default_keeps_its_colons_and_commas_and_the_key_ends_at_the_first_comma()
    {
        var (value, diagnostics) = Parameter("\"${runtime_params:endpoint, http://host:80/a,b}\"");

        Assert.Empty(diagnostics);
        Assert.Equal("http://host:80/a,b", value);
    }

    [Fact]
    public void Braces_inside_an_interpolation_balance_so_a_default_may_hold_them()
    {
        var (value, diagnostics) = Parameter("\"filter=${runtime_params:filter,{a: {b: 1}}}!\"");

        Assert.Empty(diagnostics);
        Assert.Equal("filter={a: {b: 1}}!", value);
    }

    [Fact]
    public void An_interpolation_that_is_never_closed_is_cpl0021_in_parameters_and_cpl0011_in_the_catalog()
    {
        var parameter = Assert.Single(Parameter("\"${globals:root\"").Diagnostics);
        var catalog = Assert.Single(Catalog("\"data/${runtime:region/raw.csv\""));

        Assert.Equal(DiagnosticIds.UnresolvedParameterInterpolation, parameter.Id);
        Assert.Equal(["${globals:root", "value", "the interpolation is never closed: end it with '}', or write '\\${' for a literal '${'"], parameter.Arguments);
        Assert.Equal(DiagnosticIds.UnresolvedInterpolation, catalog.Id);
        Assert.Equal("${runtime:region/raw.csv", catalog.Arguments[0]);
        Assert.Equal(2, catalog.Target.File!.Line);
    }

    [Fact]
    public void An_interpolation_inside_another_is_reported()
    {
        var diagnostic = Assert.Single(Parameter("\"${globals:missing,${env:B}}\"").Diagnostics);

        Assert.Equal("${globals:missing,${env:B}}", diagnostic.Arguments[0]);
        Assert.StartsWith("an interpolation cannot be written inside another", diagnostic.Arguments[2]);
    }

    [Fact]
    public void Escaped_and_resolverless_dollar_braces_are_text()
    {
        var (value, diagnostics) = Parameter(@"'cost \${globals:nothing} in ${HOME} under ${globals:root}'");

        Assert.Empty(diagnostics);
        Assert.Equal(@"cost \${globals:nothing} in ${HOME} under data", value);
        Assert.Empty(Catalog(@"'\${foo:bar}/${HOME}/raw.csv'"));
    }
}
