using Compiled.Config;
using Compiled.Tests.Datasets;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>A value nothing provides is reported once, at its place, with the default syntax the docs show (newcomer issue).</summary>
public sealed class InterpolationMessageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_missing_environment_variable_in_credentials_names_its_place_once_and_shows_the_default_syntax()
    {
        Directory.CreateDirectory(_dir.File("conf", "base"));
        Directory.CreateDirectory(_dir.File("conf", "prod"));
        File.WriteAllText(_dir.File("conf", "base", "catalog.yml"), "orders:\n  type: sql\n  connection: orders_db\n  query: SELECT 1\n");
        File.WriteAllText(_dir.File("conf", "prod", "credentials.yml"), "orders_db:\n  connection_string: \"Data Source=${env:COMPILED_TEST_UNSET_DB}\"\n");
        Environment.SetEnvironmentVariable("COMPILED_TEST_UNSET_DB", null);
        var project = ProjectConfig.Load(_dir.Path, "prod");

        var error = Assert.Throws<DatasetException>(() => project.GetDataset("orders").GetCredentials("connection"));

        var place = _dir.File("conf", "prod", "credentials.yml") + ":2:";
        Assert.Equal(1, error.Message.Split(place).Length - 1);
        Assert.Contains("'${env:COMPILED_TEST_UNSET_DB}' has no value and no default", error.Message);
        Assert.Contains("write a default after a comma: ${env:NAME,default}", error.Message);
    }
}
