using Compiled.Config;
using Compiled.Tests.Datasets;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>An environment's catalog may change an entry's values, never its type (hardening issue, finding 4).</summary>
public sealed class EnvironmentCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public EnvironmentCatalogTests()
    {
        Write("conf/base/catalog.yml", """
            notes:
              type: text
              filepath: data/notes.txt
            scratch:
              filepath: ignored-by-memory
            """);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("json", "text", 2)]
    [InlineData("parqet", "text", 2)]
    public void An_environment_that_changes_a_type_fails_at_session_creation_naming_its_file_and_line(string type, string baseType, int baseLine)
    {
        Write("conf/prod/catalog.yml", $"""
            # production paths
            notes:
              filepath: /srv/notes.txt
              type: {type}
            """);

        var error = Assert.Throws<ConfigException>(() => ProjectConfig.Load(_dir.Path, "prod"));

        Assert.Equal((_dir.File("conf", "prod", "catalog.yml"), 4), (error.Location.FilePath, error.Location.Line));
        Assert.Contains($"catalog entry 'notes' of environment 'prod' changes its type from '{baseType}' ({_dir.File("conf", "base", "catalog.yml")}:{baseLine}:", error.Message);
        Assert.Contains($"to '{type}'", error.Message);
        Assert.Contains("Remove 'type' here, or change it in conf/base and rebuild", error.Message);
    }

    [Fact]
    public void An_entry_without_a_type_is_memory_and_an_environment_cannot_make_it_a_file()
    {
        Write("conf/prod/catalog.yml", "scratch:\n  type: csv\n");

        var error = Assert.Throws<ConfigException>(() => ProjectConfig.Load(_dir.Path, "prod"));

        Assert.Contains("changes its type from 'memory'", error.Message);
    }

    [Fact]
    public void An_environment_that_changes_the_type_of_a_partitioned_entrys_files_fails_naming_its_line()
    {
        Write("conf/base/catalog.yml", "readings:\n  type: partitioned\n  path: data/readings\n  dataset:\n    type: csv\n");
        Write("conf/cloud/catalog.yml", "readings:\n  path: s3://bucket/readings\n  dataset: parquet\n");

        var error = Assert.Throws<ConfigException>(() => ProjectConfig.Load(_dir.Path, "cloud"));

        Assert.Equal((_dir.File("conf", "cloud", "catalog.yml"), 3), (error.Location.FilePath, error.Location.Line));
        Assert.Contains("catalog entry 'readings' of environment 'cloud' changes its type from 'partitioned of csv'", error.Message);
        Assert.Contains("to 'partitioned of parquet'", error.Message);
    }

    [Fact]
    public void An_environment_may_move_a_partitioned_entry_and_name_its_file_type_the_kedro_way()
    {
        Write("conf/base/catalog.yml", "readings:\n  type: partitioned\n  path: data/readings\n  dataset:\n    type: csv\n");
        Write("conf/cloud/catalog.yml", "readings:\n  path: s3://bucket/readings\n  dataset:\n    type: pandas.CSVDataset\n");

        var config = ProjectConfig.Load(_dir.Path, "cloud");

        Assert.Equal("s3://bucket/readings", config.GetDataset("readings").GetString("path"));
    }

    [Fact]
    public void An_environment_may_repeat_the_type_and_change_values()
    {
        Write("conf/prod/catalog.yml", "notes:\n  type: text\n  filepath: data/prod/notes.txt\nextra:\n  type: json\n  filepath: data/extra.json\n");

        var config = ProjectConfig.Load(_dir.Path, "prod");

        Assert.Equal(_dir.File("data", "prod", "notes.txt"), config.GetDataset("notes").GetRequiredPath());
        Assert.Equal("text", config.GetDataset("notes").Type);
    }

    private void Write(string relative, string text)
    {
        var path = _dir.File(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
