using Compiled.Config;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class DatasetFactoryTests
{
    [Theory]
    [InlineData("{name}_csv", "shuttles_csv", "name=shuttles")]
    [InlineData("{namespace}.{name}", "data_science.model_input", "namespace=data_science;name=model_input")]
    [InlineData("{namespace}.{name}", "a.b.c", "namespace=a;name=b.c")]
    [InlineData("{layer}.{name}_{version}", "raw.shuttles_v2", "layer=raw;name=shuttles;version=v2")]
    [InlineData("{a}-{a}", "x-x", "a=x")]
    [InlineData("exact", "exact", "")]
    public void Patterns_match_and_capture(string pattern, string name, string expected)
    {
        Assert.True(DatasetPatternMatcher.TryMatch(pattern, name, out var captures));
        Assert.Equal(expected, string.Join(";", captures.Select(c => $"{c.Key}={c.Value}")));
    }

    [Theory]
    [InlineData("{name}_csv", "shuttles_parquet")]
    [InlineData("{name}_csv", "_csv")]
    [InlineData("{namespace}.{name}", "no_dot")]
    [InlineData("{a}-{a}", "x-y")]
    [InlineData("{name", "x")]
    [InlineData("{a}{b}", "xy")]
    [InlineData("{}", "x")]
    public void Non_matches_and_malformed_patterns(string pattern, string name)
    {
        Assert.False(DatasetPatternMatcher.TryMatch(pattern, name, out var captures));
        Assert.Empty(captures);
    }

    [Fact]
    public void The_most_specific_pattern_wins_as_in_kedro()
    {
        string[] names = ["{default}", "{namespace}.{name}", "{name}_csv", "{namespace}.{name}_csv", "shuttles", "{name}"];

        Assert.True(DatasetPatternMatcher.TryResolve(names, "ds.companies_csv", out var pattern, out var captures));
        Assert.Equal("{namespace}.{name}_csv", pattern);
        Assert.Equal("companies", captures["name"]);

        Assert.True(DatasetPatternMatcher.TryResolve(names, "companies_csv", out pattern, out _));
        Assert.Equal("{name}_csv", pattern);

        // Equal specificity: more placeholders first, then ordinal order — "{default}" and "{name}" tie on both.
        Assert.True(DatasetPatternMatcher.TryResolve(names, "anything", out pattern, out _));
        Assert.Equal("{default}", pattern);
        Assert.Equal(["{namespace}.{name}_csv", "{name}_csv", "{namespace}.{name}", "{default}", "{name}"], DatasetPatternMatcher.SortPatterns(names));
        Assert.Equal(4, DatasetPatternMatcher.Specificity("{name}_csv"));
        Assert.Equal(2, DatasetPatternMatcher.PlaceholderCount("{namespace}.{name}"));
    }

    [Fact]
    public void A_pattern_entry_is_instantiated_with_its_captures_in_every_scalar()
    {
        var catalog = Yaml.Map(
            ("companies", Yaml.MapAt(2, ("type", "csv"), ("filepath", "data/01_raw/companies.csv"))),
            ("{namespace}.{name}_csv", Yaml.MapAt(10,
                ("type", "csv"),
                ("filepath", "data/{namespace}/{name}.csv"),
                ("load_args", Yaml.MapAt(14, ("sep", ";"))),
                ("metadata", Yaml.MapAt(16, ("kedro-viz", Yaml.MapAt(17, ("layer", "{namespace}"))))),
                ("note", "${runtime:who} keeps {name} {not a placeholder}}"))),
            ("{name}_bad", Yaml.MapAt(30, ("type", "csv"), ("filepath", "{other}.csv"))));

        Assert.True(DatasetFactory.TryResolve(catalog, "raw.shuttles_csv", out var entry, out var pattern));
        Assert.Equal("{namespace}.{name}_csv", pattern);
        var config = new DatasetConfig("raw.shuttles_csv", entry!, "/project");
        Assert.Equal("data/raw/shuttles.csv", config.GetString("filepath"));
        Assert.Equal(";", ((ConfigScalar)config.GetMapping("load_args")!["sep"]!).Value);
        Assert.Equal("raw", ((ConfigScalar)((ConfigMapping)config.GetMapping("metadata")!["kedro-viz"]!)["layer"]!).Value);
        Assert.Equal("${runtime:who} keeps shuttles {not a placeholder}}", config.GetString("note"));
        Assert.Equal(12, entry!["filepath"]!.Location.Line);

        Assert.True(DatasetFactory.TryResolve(catalog, "companies", out var explicitEntry, out var none));
        Assert.Null(none);
        Assert.Equal("data/01_raw/companies.csv", ((ConfigScalar)explicitEntry!["filepath"]!).Value);

        Assert.False(DatasetFactory.TryResolve(catalog, "unmatched", out _, out _));

        var ex = Assert.Throws<ConfigException>(() => DatasetFactory.TryResolve(catalog, "x_bad", out _, out _));
        Assert.Contains("'{other}'", ex.Message);
        Assert.Contains("{name}_bad", ex.Message);
        Assert.Contains($"{Yaml.File}:32", ex.Message);
    }

    [Theory]
    [InlineData("{name}_csv", true)]
    [InlineData("{a}{b}", false)]
    [InlineData("x}", false)]
    [InlineData("{na me}", false)]
    public void Pattern_validation_explains_the_problem(string pattern, bool valid)
    {
        Assert.Equal(valid, DatasetPatternMatcher.IsValid(pattern, out var error));
        Assert.Equal(valid, error is null);
    }
}
