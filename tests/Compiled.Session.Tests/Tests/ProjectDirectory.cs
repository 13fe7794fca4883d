using System.Text.Json;

namespace Orders.Tests;

/// <summary>A temporary copy of the Orders project: its conf/ plus real data files, deleted on dispose.</summary>
public sealed class ProjectDirectory : IDisposable
{
    public ProjectDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-session-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "conf"), System.IO.Path.Combine(Path, "conf"));
        WriteOrders("eu", ("widget", 2), ("gadget", 1));
        WriteOrders("us", ("widget", 10), ("widget", 5), ("gadget", 3));
        WritePrices("data/price_table.json", ("widget", 10.0), ("gadget", 100.0));
        WritePrices("data/prod/price_table.json", ("widget", 20.0), ("gadget", 200.0));
        System.IO.File.WriteAllText(File("data/audit.log"), "one\ntwo\nthree\n");
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void WriteOrders(string region, params (string Product, int Quantity)[] orders)
    {
        var file = File($"data/{region}/orders.csv");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllLines(file, ["id,product,quantity", .. orders.Select((o, i) => $"{i + 1},{o.Product},{o.Quantity}")]);
    }

    public void WritePrices(string relative, params (string Product, double Price)[] prices)
    {
        var file = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, JsonSerializer.Serialize(new { prices = prices.ToDictionary(p => p.Product, p => p.Price) }));
    }

    /// <summary>The scoring pipeline's model: a weight, in the file that <see cref="CountingModelDataset"/> reads.</summary>
    public string ModelFile => File("data/scoring_model.txt");

    /// <summary>How many loads of <see cref="ModelFile"/> the counting dataset has started, failed ones included.</summary>
    public int ModelLoads => CountingModelDataset.Loads(ModelFile);

    public void WriteModel(double weight) =>
        System.IO.File.WriteAllText(ModelFile, weight.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public OrdersSession CreateSession(string environment = "local", params Compiled.PipelineHook[] hooks) =>
        OrdersProject.CreateSession(new Compiled.SessionOptions { ProjectPath = Path, Environment = environment, Hooks = hooks });

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }
    }
}
