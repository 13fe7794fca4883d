// Kedro's names in a catalog: its dataset type names (pandas.CSVDataset, …) as aliases of the built-in types, the
// load_args / save_args keys each built-in type honours, and ${runtime_params:…} as Kedro 0.19+ spells ${runtime:…}.
// This file depends on the base class library only and is written for netstandard2.0 as well as net10.0: the source
// generator and the analyzers compile it too, so that the build accepts and refuses (CPL0019, CPL0020) exactly what a
// run does.
#nullable enable

using System;
using System.Collections.Generic;
using System.Linq;

namespace Compiled.Config
{
    /// <summary>Kedro's spellings in a catalog, and what each built-in dataset type takes in <c>load_args</c> / <c>save_args</c>.</summary>
    internal static class KedroCatalogNames
    {
        /// <summary>The package prefix Kedro accepts before a dataset type (<c>kedro_datasets.pandas.CSVDataset</c>).</summary>
        public const string DatasetsPrefix = "kedro_datasets.";

        /// <summary>
        /// The built-in kind <c>pickle.PickleDataset</c> compiles to: <c>byte[]</c> is kept as is (as <c>binary</c>),
        /// any other type is serialized with System.Text.Json (as <c>json</c>): .NET has no pickle.
        /// </summary>
        public const string PickleKind = "pickle.PickleDataset";

        /// <summary>Kedro 0.19+'s resolver for values given at run time, an alias of <c>runtime</c>.</summary>
        public const string RuntimeParamsResolver = "runtime_params";

        /// <summary>Compiled's resolver for values given at run time.</summary>
        public const string RuntimeResolver = "runtime";

        private static readonly KeyValuePair<string, string>[] Aliases =
        {
            new("pandas.CSVDataset", "csv"),
            new("pandas.ParquetDataset", "parquet"),
            new("pandas.ExcelDataset", "excel"),
            new("pandas.SQLQueryDataset", "sql"),
            new("pandas.SQLTableDataset", "sql_table"),
            new("json.JSONDataset", "json"),
            new("text.TextDataset", "text"),
            new("pickle.PickleDataset", PickleKind),
            new("MemoryDataset", "memory"),
        };

        private static readonly string[] None = Array.Empty<string>();
        private static readonly string[] CsvCommon = { "sep", "delimiter", "header", "encoding", "culture" };

        /// <summary>The Kedro type names accepted (without the <c>kedro_datasets.</c> prefix, which each also accepts).</summary>
        public static IEnumerable<string> SupportedKedroTypes => Aliases.Select(a => a.Key);

        /// <summary>
        /// The built-in kind a Kedro type name stands for (<c>pandas.CSVDataset</c> and <c>kedro_datasets.pandas.CSVDataset</c>
        /// → <c>csv</c>; <c>MemoryDataset</c> and <c>kedro.io.MemoryDataset</c> → <c>memory</c>), or null when
        /// <paramref name="type"/> is not one.
        /// </summary>
        public static string? KindOf(string type)
        {
            var name = type.Trim();
            if (name.StartsWith(DatasetsPrefix, StringComparison.Ordinal)) name = name.Substring(DatasetsPrefix.Length);
            else if (name == "kedro.io.MemoryDataset") name = "MemoryDataset";
            foreach (var alias in Aliases)
            {
                if (alias.Key == name) return alias.Value;
            }

            return null;
        }

        /// <summary>
        /// Whether <paramref name="type"/> is written as a Kedro dataset type: <c>module.NameDataset</c> with a lower-case
        /// module (<c>spark.SparkDataset</c>, <c>plotly.JSONDataset</c>), or anything under <c>kedro_datasets.</c>. A C# type
        /// name starts its namespace with a capital and is not taken for one.
        /// </summary>
        public static bool LooksLikeKedroType(string type)
        {
            var name = type.Trim();
            if (name.StartsWith(DatasetsPrefix, StringComparison.Ordinal) || name.StartsWith("kedro.", StringComparison.Ordinal)) return true;
            var dot = name.IndexOf('.');
            return dot > 0 && char.IsLower(name[0]) && name.IndexOf('.', dot + 1) < 0 &&
                   (name.EndsWith("Dataset", StringComparison.Ordinal) || name.EndsWith("DataSet", StringComparison.Ordinal));
        }

        /// <summary>The keys <c>load_args</c> of an entry of built-in <paramref name="kind"/> may have.</summary>
        public static IReadOnlyList<string> LoadArgs(string kind) => kind switch
        {
            "csv" => CsvCommon.Concat(new[] { "on_bad_lines", "na_values" }).ToArray(),
            "excel" => new[] { "sheet_name", "header", "engine", "na_values" },
            "text" => new[] { "encoding" },
            _ => None,
        };

        /// <summary>The keys <c>save_args</c> of an entry of built-in <paramref name="kind"/> may have.</summary>
        public static IReadOnlyList<string> SaveArgs(string kind) => kind switch
        {
            "csv" => CsvCommon.Concat(new[] { "index" }).ToArray(),
            "excel" => new[] { "sheet_name", "header", "engine", "index" },
            "parquet" => new[] { "compression", "compression_level", "row_group_size", "index" },
            "json" => new[] { "indent" },
            "text" => new[] { "encoding" },
            "sql_table" => new[] { "if_exists", "index" },
            _ => None,
        };

        /// <summary>
        /// What to do instead of the pandas / Kedro argument <paramref name="key"/>, which built-in <paramref name="kind"/>
        /// does not take.
        /// </summary>
        public static string Instead(string kind, string section, string key)
        {
            var supported = section == "load_args" ? LoadArgs(kind) : SaveArgs(kind);
            var keys = supported.Count == 0 ? $"'{kind}' takes no {section}" : $"{section} of '{kind}' takes {string.Join(", ", supported)}";
            var hint = key switch
            {
                "na_values" =>
                    "na_values applies when loading csv and excel entries; elsewhere turn markers into null in a node",
                "keep_default_na" or "na_filter" =>
                    "an empty field loads as null into a nullable member (int?, double?, string?), and only the markers listed in load_args.na_values are missing values besides",
                "index_col" or "usecols" or "columns" or "names" =>
                    "columns bind by name to the row type's properties and a column the row type lacks is not read: shape the row type instead",
                "dtype" or "converters" or "parse_dates" or "date_format" or "true_values" or "false_values" =>
                    "each column is parsed as the type of its property in the row type (DateTime, bool, …): declare the type there",
                "skiprows" or "nrows" or "skipfooter" or "chunksize" =>
                    "rows are loaded whole: filter them in a node",
                "decimal" or "thousands" =>
                    "numbers are parsed with 'culture' (e.g. culture: fr-FR reads 1 234,5)",
                "protocol" or "fix_imports" or "buffer_callback" or "backend" =>
                    "there is no pickle in .NET: the value is written with System.Text.Json (byte[] as is)",
                "engine" =>
                    "the engine is built in",
                "storage_options" or "fs_args" =>
                    "files are read from the local file system",
                _ => "remove it, or do that step in a node",
            };
            return $"{hint}; remove the key ({keys})";
        }

        /// <summary><paramref name="resolver"/>, with Kedro's <c>runtime_params</c> read as <c>runtime</c>.</summary>
        public static string CanonicalResolver(string resolver) =>
            resolver == RuntimeParamsResolver ? RuntimeResolver : resolver;

        /// <summary><paramref name="text"/> with each <c>${runtime_params:</c> written as <c>${runtime:</c>.</summary>
        public static string? WithRuntimeResolver(string? text) =>
            text is null || text.IndexOf("${" + RuntimeParamsResolver + ":", StringComparison.Ordinal) < 0
                ? text
                : text.Replace("${" + RuntimeParamsResolver + ":", "${" + RuntimeResolver + ":");
    }
}
