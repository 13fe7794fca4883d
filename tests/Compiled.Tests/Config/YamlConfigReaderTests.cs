using Compiled.Config;
using Compiled.Tests.Datasets;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>
/// The runtime reads merge keys and aliases as the generator and analyzers do (generators/…/Parsing/YamlParser.cs):
/// keys written beside <c>&lt;&lt;</c> win, and YAML that would expand forever is an error, never a hang.
/// </summary>
public sealed class YamlConfigReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Keys_written_beside_a_merge_key_win_over_the_merged_ones_as_in_kedro()
    {
        var catalog = Read("_csv: &csv\n  type: csv\n  load_args: {sep: ','}\n  filepath: data/default.csv\ntrucks:\n  <<: *csv\n  filepath: data/trucks.csv\n  load_args: {sep: ';'}\n");

        var trucks = (ConfigMapping)catalog["trucks"]!;
        Assert.Equal(["type", "filepath", "load_args"], trucks.Keys); // merged keys where "<<" is, the written ones where they are
        Assert.Equal("csv", Scalar(trucks["type"]));
        Assert.Equal("data/trucks.csv", Scalar(trucks["filepath"]));
        Assert.Equal(";", Scalar(((ConfigMapping)trucks["load_args"]!)["sep"]));
    }

    [Fact]
    public void An_earlier_mapping_of_a_merge_list_wins_over_a_later_one()
    {
        var catalog = Read("_a: &a\n  type: json\n_b: &b\n  type: csv\n  filepath: b.csv\nraw:\n  <<: [*a, *b]\n");

        var raw = (ConfigMapping)catalog["raw"]!;
        Assert.Equal("json", Scalar(raw["type"]));
        Assert.Equal("b.csv", Scalar(raw["filepath"]));
    }

    [Theory]
    [InlineData("_csv: &csv\n  type: csv\n  <<: *csv\n", 3, "the merge key '<<' names a mapping that contains it")]
    [InlineData("raw: &raw\n  type: csv\n  again: *raw\n", 3, "an alias here names a mapping or list that contains it")]
    [InlineData("raw:\n  <<: [plain]\n", 2, "the merge key '<<' must name a mapping or a list of mappings")]
    public void Yaml_that_would_expand_forever_is_an_error_at_its_line(string yaml, int line, string message)
    {
        var exception = Assert.Throws<ConfigException>(() => Read(yaml));

        Assert.Equal(line, exception.Location.Line);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_that_expand_past_the_limit_are_an_error_at_the_first_key_past_it()
    {
        var laughs = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));

        var exception = Assert.Throws<ConfigException>(() => Read(laughs));

        Assert.Equal(5, exception.Location.Line);
        Assert.Contains("expands to more than 100,000 values", exception.Message, StringComparison.Ordinal);
    }

    private ConfigMapping Read(string yaml)
    {
        var path = _dir.File("catalog.yml");
        File.WriteAllText(path, yaml);
        return YamlConfigReader.ReadMapping(path);
    }

    private static string? Scalar(ConfigNode? node) => Assert.IsType<ConfigScalar>(node).Value;
}
