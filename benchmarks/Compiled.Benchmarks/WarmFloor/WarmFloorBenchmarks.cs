using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Datasets;
using Compiled.Benchmarks.Infrastructure;
using CsvHelper;
using Spaceflights;

namespace Compiled.Benchmarks.WarmFloor;

/// <summary>
/// Warm vs floor (issue #16): the sample's default pipeline, run warm in process on one session (samples/Spaceflights'
/// conf/ and data/01_raw copied to a temporary project folder), against the floor: just reading its three input files
/// (companies.csv, reviews.csv with CsvHelper; shuttles.xlsx as ExcelDataset reads it: its zip parts with System.IO.Compression and an XmlReader, every cell's
/// text)
/// with the libraries the catalog's datasets use, in the same run. Goal: the pipeline ≤ 3× the floor. Each invocation
/// is one whole run (hundreds of milliseconds), so keep the iteration counts small.
/// </summary>
[MemoryDiagnoser]
public class WarmFloorBenchmarks
{
    private string _project = null!;
    private SpaceflightsSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sample = Path.GetFullPath(Path.Combine(ProjectDirectory.Path, "..", "..", "samples", "Spaceflights"));
        _project = Directory.CreateTempSubdirectory("compiled-warm-floor-").FullName;
        CopyDirectory(Path.Combine(sample, "conf"), Path.Combine(_project, "conf"));
        CopyDirectory(Path.Combine(sample, "data", "01_raw"), Path.Combine(_project, "data", "01_raw"));
        _session = SpaceflightsProject.CreateSession(new SessionOptions { ProjectPath = _project, Environment = "local" });
        if (ReadInputs() < 3 || Run().Result.Metrics.R2Score is double.NaN)
        {
            throw new InvalidOperationException("The warm-floor setup read no input or the pipeline computed no score.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    /// <summary>The floor: the three input files read with the libraries directly.</summary>
    [Benchmark(Baseline = true, Description = "Read the 3 input files (CsvHelper, zip + XmlReader)")]
    public int ReadInputs() =>
        Csv<CompanyTableRow>("companies.csv") + Csv<ReviewTableRow>("reviews.csv") + XlsxCells("shuttles.xlsx");

    /// <summary>The default pipeline, warm: loads, nodes, parquet and versioned saves.</summary>
    [Benchmark(Description = "Default pipeline, warm, in process")]
    public ValueTask<DefaultPipeline.Result> Run() => _session.Default.RunAsync();

    private int Csv<TRow>(string file) where TRow : class, ICsvTable<TRow>, new()
    {
        using var stream = File.OpenRead(Path.Combine(_project, "data", "01_raw", file));
        using var csv = CsvReader.Create(stream, SpaceflightsTables.ReadOptions(), leaveOpen: true);
        return TRow.ReadAll(csv).Length;
    }

    // The non-empty cells of the first sheet (this workbook's xl/worksheets/sheet1.xml), each cell's text read (shared strings resolved): what any typed read of the
    // sheet reads at least.
    private int XlsxCells(string file)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(_project, "data", "01_raw", file));
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } strings)
        {
            using var xml = XmlReader.Create(strings.Open());
            while (xml.ReadToFollowing("si", SpreadsheetNamespace))
            {
                using var item = xml.ReadSubtree();
                var text = new System.Text.StringBuilder();
                while (item.ReadToFollowing("t", SpreadsheetNamespace)) text.Append(item.ReadElementContentAsString());
                shared.Add(text.ToString());
            }
        }

        var cells = 0;
        using var sheet = XmlReader.Create(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        string? type = null;
        while (sheet.Read())
        {
            if (sheet.NodeType != XmlNodeType.Element) continue;
            if (sheet.LocalName == "c") type = sheet.GetAttribute("t");
            else if (sheet.LocalName is "v" or "t")
            {
                var text = sheet.ReadElementContentAsString();
                if (type == "s") text = shared[int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)];
                if (text.Length > 0) cells++;
            }
        }

        return cells;
    }

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
