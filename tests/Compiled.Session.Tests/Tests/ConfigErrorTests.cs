using Compiled;
using Compiled.Config;
using Compiled.Datasets;
using Xunit;

namespace Orders.Tests;

/// <summary>Configuration errors fail only the runs that use the entry, and name the dataset, the key and the file and line that set it.</summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    private string LocalCatalog => Path.Combine(_project.Path, "conf", "local", "catalog.yml");

    [Fact]
    public void A_missing_global_in_one_entry_fails_only_the_pipelines_that_use_the_entry()
    {
        File.WriteAllText(LocalCatalog, "audit_log:\n  filepath: ${globals:audit_dir}/audit.log\n");
        var session = _project.CreateSession("local");

        Assert.Equal(2, session.Pricing.Run().Summary.Orders); // does not use audit_log
        var error = Assert.Throws<PipelineRunException>(() => session.Audit.Run());

        Assert.Contains("catalog entry 'audit_log'", error.Message);
        Assert.Contains("'${globals:audit_dir}' has no value", error.Message);
        Assert.Contains($"{LocalCatalog}:2:", error.Message);
    }

    [Theory]
    [InlineData("~", "sets the required key 'filepath' to null")]   // over base's filepath: blamed on conf/local, not conf/base
    [InlineData("\"\"", "sets key 'filepath' to an empty path")]  // was "Is a directory", with no file or line
    [InlineData("data/", "sets key 'filepath' to 'data/', which names a directory")]
    public void A_filepath_an_environment_file_leaves_unusable_is_blamed_on_that_file_and_line(string value, string problem)
    {
        File.WriteAllText(LocalCatalog, $"audit_log:\n  filepath: {value}\n");

        var error = Assert.Throws<PipelineRunException>(() => _project.CreateSession("local").Audit.Run());

        Assert.Contains($"Dataset 'audit_log' ({LocalCatalog}:2:13) {problem}", error.Message);
        Assert.DoesNotContain(Path.Combine("conf", "base"), error.Message);
        Assert.DoesNotContain("Is a directory", error.Message);
    }

    [Fact]
    public void A_bad_credentials_value_names_the_dataset_and_the_credentials_line_and_never_the_value()
    {
        var credentials = Path.Combine(_project.Path, "conf", "local", "credentials.yml");
        File.AppendAllText(credentials, "\nreports_db:\n  connection_string: \"Data Source=reports.db;Pooling=maybe-s3cret\"\n");
        var line = File.ReadAllLines(credentials).Length;
        var session = _project.CreateSession("local");
        var entry = new ConfigMapping(
            [new("type", new ConfigScalar("sql", ConfigLocation.None)), new("connection", new ConfigScalar("reports_db", ConfigLocation.None))],
            ConfigLocation.None);

        var error = Assert.Throws<DatasetException>(() => SqlConnectionSettings.FromConfig(new DatasetConfig("daily_report", entry, _project.Path, session.Config)));

        Assert.Equal("daily_report", error.DatasetName);
        Assert.Contains($"({credentials}:{line}:", error.Message);
        Assert.Contains("credentials 'reports_db', key 'connection_string'", error.Message);
        Assert.Contains("the value of 'Pooling' is not valid", error.Message, StringComparison.OrdinalIgnoreCase); // the keyword, lower-cased by the parser
        Assert.DoesNotContain("maybe", error.ToString());
    }
}
