using Compiled.Config;
using Compiled.Datasets;
using Compiled.Tests.Datasets;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>
/// The table of <c>load_args</c> / <c>save_args</c> keys the build checks (CPL0020) is what the datasets accept at run
/// time: every key it lists is taken, a key it does not list is refused. And Kedro's spellings resolve as Compiled's.
/// </summary>
public sealed class KedroCatalogNamesTests : IDisposable
{
    public sealed class Row
    {
        public int Id { get; set; }
    }

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A valid value for each key of the table, so that only the key itself can be refused.</summary>
    private static readonly Dictionary<string, string> Values = new()
    {
        ["sep"] = ";", ["delimiter"] = ";", ["header"] = "0", ["encoding"] = "utf-8", ["culture"] = "invariant",
        ["on_bad_lines"] = "skip", ["na_values"] = "-", ["index"] = "false", ["sheet_name"] = "Sheet1", ["engine"] = "openpyxl",
        ["compression"] = "gzip", ["compression_level"] = "fastest", ["row_group_size"] = "100", ["indent"] = "2",
        ["if_exists"] = "append",
    };

    private static readonly string[] Kinds = ["csv", "excel", "parquet", "json", "text", "binary", "sql_table"];

    public static TheoryData<string, string> Sections()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds)
        {
            data.Add(kind, "load_args");
            data.Add(kind, "save_args");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_key_the_build_accepts_the_run_accepts_and_any_other_it_refuses(string kind, string section)
    {
        var keys = section == "load_args" ? KedroCatalogNames.LoadArgs(kind) : KedroCatalogNames.SaveArgs(kind);
        foreach (var key in keys)
        {
            Create(kind, section, key, Values[key]); // throws on a refused key
        }

        var error = Assert.Throws<DatasetException>(() => Create(kind, section, "usecols", "id"));
        Assert.Contains($"unsupported key '{section}.usecols'", error.Message, StringComparison.Ordinal);
    }

    private void Create(string kind, string section, string key, string value)
    {
        (string, object?)[] common = kind switch
        {
            "sql_table" => [("type", kind), ("table_name", "rows"), ("connection_string", "Data Source=data/db.sqlite")],
            _ => [("type", kind), ("filepath", "data/x")],
        };
        var config = Yaml.Dataset("rows", _dir.Path, [.. common, (section, Yaml.Map((key, value)))]);
        _ = kind switch
        {
            "csv" => (object)CsvDataset<Row>.FromConfig(config),
            "excel" => ExcelDataset<Row>.FromConfig(config),
            "parquet" => ParquetDataset<Row>.FromConfig(config),
            "json" => JsonDataset<Row>.FromConfig(config),
            "text" => TextDataset.FromConfig(config),
            "binary" => BinaryDataset.FromConfig(config),
            "sql_table" => SqlTableDataset<Row>.FromConfig(config),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    [Theory]
    [InlineData("pandas.CSVDataset", "csv")]
    [InlineData("kedro_datasets.pandas.CSVDataset", "csv")]
    [InlineData("pandas.ExcelDataset", "excel")]
    [InlineData("kedro_datasets.pandas.ParquetDataset", "parquet")]
    [InlineData("pandas.SQLQueryDataset", "sql")]
    [InlineData("pandas.SQLTableDataset", "sql_table")]
    [InlineData("json.JSONDataset", "json")]
    [InlineData("text.TextDataset", "text")]
    [InlineData("pickle.PickleDataset", KedroCatalogNames.PickleKind)]
    [InlineData("MemoryDataset", "memory")]
    [InlineData("kedro.io.MemoryDataset", "memory")]
    [InlineData("spark.SparkDataset", null)]
    [InlineData("csv", null)]
    [InlineData("MyProject.Datasets.LineCountDataset", null)]
    public void Kedro_type_names_are_the_built_in_kinds(string type, string? kind) => Assert.Equal(kind, KedroCatalogNames.KindOf(type));

    [Theory]
    [InlineData("spark.SparkDataset", true)]
    [InlineData("kedro_datasets.polars.CSVDataset", true)]
    [InlineData("plotly.PlotlyDataset", true)]
    [InlineData("MyProject.LineCountDataset", false)]
    [InlineData("csv", false)]
    public void Kedro_looking_types_are_told_from_csharp_type_names(string type, bool kedro) =>
        Assert.Equal(kedro, KedroCatalogNames.LooksLikeKedroType(type));

    [Fact]
    public void Runtime_params_in_a_catalog_value_is_a_runtime_value_of_the_run()
    {
        Write("conf/base/catalog.yml", """
            report:
              type: text.TextDataset
              filepath: data/${runtime_params:region}/report_${runtime_params:day,latest}.txt
            """);
        var config = ProjectConfig.Load(_dir.Path, "base");

        var dataset = TextDataset.FromConfig(config.GetDataset("report").WithRuntimeValues(("region", "eu"), ("day", null)));

        Assert.Equal(_dir.File("data", "eu", "report_latest.txt"), dataset.FilePath);
    }

    [Fact]
    public void An_environment_may_write_the_kedro_name_of_the_base_type()
    {
        Write("conf/base/catalog.yml", "notes:\n  type: text\n  filepath: data/notes.txt\n");
        Write("conf/prod/catalog.yml", "notes:\n  type: kedro_datasets.text.TextDataset\n  filepath: data/prod-notes.txt\n");

        var config = ProjectConfig.Load(_dir.Path, "prod");

        Assert.Equal(_dir.File("data", "prod-notes.txt"), TextDataset.FromConfig(config.GetDataset("notes")).FilePath);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

/// <summary>An environment's parameters*.yml written as Kedro writes them: globals and runtime_params defaults resolve.</summary>
public sealed class KedroEnvironmentParameterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Globals_and_runtime_params_defaults_resolve_in_environment_parameters()
    {
        Write("conf/base/globals.yml", "run:\n  name: nightly\n");
        Write("conf/prod/parameters.yml", "model_options:\n  test_size: ${runtime_params:test_size, 0.3}\n  label: run-${globals:run.name}\n");

        var overrides = ProjectConfig.Load(_dir.Path, "prod").ParameterOverrides;

        var options = (ConfigMapping)overrides["model_options"]!;
        Assert.Equal("0.3", ((ConfigScalar)options["test_size"]!).Value);
        Assert.Equal("run-nightly", ((ConfigScalar)options["label"]!).Value);
    }

    [Fact]
    public void Runtime_params_without_default_in_environment_parameters_is_refused_with_its_line()
    {
        Write("conf/prod/parameters.yml", "model_options:\n  test_size: ${runtime_params:test_size}\n");

        var error = Assert.Throws<ConfigException>(() => ProjectConfig.Load(_dir.Path, "prod"));

        Assert.Equal((_dir.File("conf", "prod", "parameters.yml"), 2), (error.Location.FilePath, error.Location.Line));
        Assert.Contains("give it a default", error.Message, StringComparison.Ordinal);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
