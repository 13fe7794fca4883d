namespace Compiled.Storage.Tests.Tests;

/// <summary>A row of the tabular datasets.</summary>
public sealed class Row
{
    /// <summary>The id.</summary>
    public int Id { get; set; }

    /// <summary>A name (with a comma and a quote, to exercise quoting).</summary>
    public string Name { get; set; } = "";

    /// <summary>A score.</summary>
    public double Score { get; set; }

    /// <summary><paramref name="count"/> rows, different for each <paramref name="seed"/>.</summary>
    public static Row[] Many(int count, int seed) =>
        Enumerable.Range(0, count).Select(i => new Row { Id = i + seed, Name = $"row {i}, \"{seed}\"", Score = i * 0.5 + seed }).ToArray();

    /// <summary>What the tests compare.</summary>
    public static IEnumerable<(int, string, double)> Values(IEnumerable<Row> rows) => rows.Select(r => (r.Id, r.Name, r.Score));
}

/// <summary>A document of the json dataset.</summary>
public sealed record Document(string Title, int[] Values);
