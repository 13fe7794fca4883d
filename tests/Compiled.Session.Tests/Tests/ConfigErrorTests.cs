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

    [Fact]
    public void A_filepath_set_to_null_in_an_environment_file_is_blamed_on_that_file_and_line()
    {
        File.WriteAllText(LocalCatalog, "# local overrides\naudit_log:\n  filepath: ~\n");

        var error = Assert.Throws<PipelineRunException>(() => _project.CreateSession("local").Audit.Run());

        Assert.Contains("Dataset 'audit_log'", error.Message);
        Assert.Contains($"({LocalCatalog}:3:13)", error.Message);
        Assert.Contains("sets the required key 'filepath' to null", error.Message);
        Assert.DoesNotContain(Path.Combine("conf", "base"), error.Message);
    }

    [Fact]
    public void An_empty_filepath_is_a_clear_error_naming_dataset_key_file_and_line()
    {
        File.WriteAllText(LocalCatalog, "audit_log:\n  filepath: \"\"\n");

        var error = Assert.Throws<PipelineRunException>(() => _project.CreateSession("local").Audit.Run());

        Assert.Contains("Dataset 'audit_log'", error.Message);
        Assert.Contains($"({LocalCatalog}:2:13)", error.Message);
        Assert.Contains("sets key 'filepath' to an empty path", error.Message);
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
