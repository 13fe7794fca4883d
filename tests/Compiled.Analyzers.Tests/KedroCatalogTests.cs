using Xunit;
using Compiled.Analyzers.Tests.Infrastructure;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>
/// A Kedro catalog as Kedro writes it: its type names are Compiled's types, <c>${runtime_params:…}</c> is a runtime
/// value; a Kedro type with no equivalent is CPL0019 and an argument with no equivalent is CPL0020, on the YAML.
/// </summary>
public sealed class KedroCatalogTests
{
    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public sealed class Row { public int Id { get; set; } public string Name { get; set; } = ""; }

        public sealed record Model(double[] Weights);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw) => raw;

            [Node(Output = "model")]
            public static Model Train(Row[] clean) => new([clean.Length]);

            [Node(Output = "report")]
            public static string Report(Model model) => model.Weights.Length.ToString();
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    [Fact]
    public Task Kedro_type_names_with_their_usual_arguments_compile() => AnalyzerAsync(
        Nodes,
        (Catalog, """
            raw:
              type: pandas.CSVDataset
              filepath: data/01_raw/raw.csv
              load_args:
                sep: ";"
                header: 0
                encoding: utf-8
              save_args:
                index: False
            clean:
              type: kedro_datasets.pandas.ParquetDataset
              filepath: data/02_intermediate/clean.parquet
              save_args:
                compression: snappy
            model:
              type: pickle.PickleDataset
              filepath: data/06_models/model.pickle
              versioned: true
            report:
              type: text.TextDataset
              filepath: data/08_reporting/${runtime_params:region,all}/report.txt
            """));

    [Fact]
    public Task Excel_engine_openpyxl_and_sheet_name_compile() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: pandas.ExcelDataset\n  filepath: data/01_raw/raw.xlsx\n  load_args:\n    engine: openpyxl\n    sheet_name: Sheet1\n"));

    [Fact]
    public Task Unsupported_kedro_type_is_reported_on_its_type_value_with_the_supported_ones() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: {|#0:spark.SparkDataset|}\n  filepath: data/01_raw/raw.csv\n")],
        [Diagnostic("CPL0019").WithLocation(0).WithArguments("raw", "spark.SparkDataset",
            "pandas.CSVDataset, pandas.ParquetDataset, pandas.ExcelDataset, pandas.SQLQueryDataset, pandas.SQLTableDataset, " +
            "json.JSONDataset, text.TextDataset, pickle.PickleDataset, MemoryDataset",
            "memory, csv, json, text, binary, parquet, excel, sql, sql_table, partitioned, partitions.PartitionedDataset, incremental, partitions.IncrementalDataset")]);

    [Fact]
    public Task Unsupported_type_under_the_kedro_datasets_prefix_is_reported_as_written() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: {|#0:kedro_datasets.polars.CSVDataset|}\n  filepath: data/01_raw/raw.csv\n")],
        [Diagnostic("CPL0019").WithLocation(0).WithArguments("raw", "kedro_datasets.polars.CSVDataset",
            "pandas.CSVDataset, pandas.ParquetDataset, pandas.ExcelDataset, pandas.SQLQueryDataset, pandas.SQLTableDataset, " +
            "json.JSONDataset, text.TextDataset, pickle.PickleDataset, MemoryDataset",
            "memory, csv, json, text, binary, parquet, excel, sql, sql_table, partitioned, partitions.PartitionedDataset, incremental, partitions.IncrementalDataset")]);

    [Fact]
    public Task Load_argument_without_equivalent_is_reported_on_its_key_with_what_to_do() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: pandas.CSVDataset\n  filepath: data/01_raw/raw.csv\n  load_args:\n    sep: \",\"\n    {|#0:usecols|}: [id]\n")],
        [Diagnostic("CPL0020").WithLocation(0).WithArguments("raw", "load_args.usecols", "pandas.CSVDataset",
            "columns bind by name to the row type's properties and a column the row type lacks is not read: shape the row type instead; " +
            "remove the key (load_args of 'csv' takes sep, delimiter, header, encoding, culture, on_bad_lines, na_values)")]);

    [Fact]
    public Task Save_argument_of_a_type_that_takes_none_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/01_raw/raw.csv\nmodel:\n  type: pickle.PickleDataset\n  filepath: data/06_models/model.pickle\n  save_args:\n    {|#0:protocol|}: 4\n")],
        [Diagnostic("CPL0020").WithLocation(0).WithArguments("model", "save_args.protocol", "pickle.PickleDataset",
            "there is no pickle in .NET: the value is written with System.Text.Json (byte[] as is); " +
            "remove the key ('pickle.PickleDataset' takes no save_args)")]);

    [Fact]
    public Task Argument_check_applies_to_compiled_type_names_too() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: parquet\n  filepath: data/01_raw/raw.parquet\n  load_args:\n    {|#0:columns|}: [id]\n")],
        [Diagnostic("CPL0020").WithLocation(0).WithArguments("raw", "load_args.columns", "parquet",
            "columns bind by name to the row type's properties and a column the row type lacks is not read: shape the row type instead; " +
            "remove the key ('parquet' takes no load_args)")]);

    [Fact]
    public Task Environment_may_write_the_kedro_name_of_the_base_type() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: csv\n  filepath: data/01_raw/raw.csv\n"),
        ("/0/conf/local/catalog.yml", "raw:\n  type: pandas.CSVDataset\n  filepath: /tmp/raw.csv\n"));
}

/// <summary>CPL0021: Kedro's interpolations in parameters*.yml are resolved when the build compiles the parameters.</summary>
public sealed class KedroParameterTests
{
    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "split")]
            public static double Split(double[] raw, [Param("model_options.test_size")] double testSize, [Param("model_options.label")] string label) => testSize;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    private const string Catalog = "raw:\n  type: json\n  filepath: data/raw.json\n";

    [Fact]
    public Task Runtime_params_with_a_default_and_globals_compile_as_typed_values() => AnalyzerAsync(
        Nodes,
        (Verify.Catalog, Catalog),
        (Parameters, "model_options:\n  test_size: ${runtime_params:test_size, 0.2}\n  label: run-${globals:run.name}\n"),
        (Globals, "run:\n  name: nightly\n"));

    [Fact]
    public Task Runtime_params_without_a_default_is_reported_on_the_value() => AnalyzerAsync(
        Nodes,
        [(Verify.Catalog, Catalog), (Parameters, "model_options:\n  test_size: {|#0:${runtime_params:test_size}|}\n  label: x\n")],
        [Diagnostic("CPL0021").WithLocation(0).WithArguments("${runtime_params:test_size}", "model_options.test_size",
            "parameters are compiled: give a default (${runtime_params:test_size,value}) and change it per run with --params test_size=value or Run(parameters: …)")]);

    [Fact]
    public Task Global_that_is_not_defined_is_reported_on_the_value() => AnalyzerAsync(
        Nodes,
        [(Verify.Catalog, Catalog), (Parameters, "model_options:\n  test_size: 0.2\n  label: {|#0:${globals:run.name}|}\n")],
        [Diagnostic("CPL0021").WithLocation(0).WithArguments("${globals:run.name}", "model_options.label",
            "define 'run.name' as a value in conf/base/globals.yml or give a default: ${globals:run.name,default}")]);
}
