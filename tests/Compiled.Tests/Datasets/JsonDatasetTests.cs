using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed record RegressorModel(string ModelName, double[] Coefficients, List<string> FeatureNames, double Intercept, Dictionary<string, int> Counts);

public sealed class Boom
{
    public int Index { get; init; }
}

public sealed record BoomList(List<Boom> Items);

/// <summary>Writes a few properties, then throws on the item with <see cref="FailAt"/>: a serializer breaking midway.</summary>
public sealed class ThrowingBoomConverter(int failAt) : JsonConverter<Boom>
{
    public int FailAt { get; } = failAt;

    public override Boom Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, Boom value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", value.Index);
        writer.WriteString("padding", new string('x', 100));
        if (value.Index == FailAt) throw new InvalidOperationException($"converter failed at {value.Index}");
        writer.WriteEndObject();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RegressorModel))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

public sealed class JsonDatasetTests : IDisposable
{
    private static readonly RegressorModel Model = new(
        "linear — ünïcode",
        [0.5, -1.25e-7, 3.0, double.MaxValue],
        ["engines", "passenger_capacity", "crew"],
        42.125,
        new() { ["a"] = 1, ["b_c"] = 2 });

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertEqual(RegressorModel expected, RegressorModel actual)
    {
        Assert.Equal(expected.ModelName, actual.ModelName);
        Assert.Equal(expected.Coefficients, actual.Coefficients);
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);
        Assert.Equal(expected.Intercept, actual.Intercept);
        Assert.Equal(expected.Counts, actual.Counts);
    }

    [Fact]
    public void Round_trips_a_record_with_arrays_in_snake_case_indented_json()
    {
        var dataset = new JsonDataset<RegressorModel>("regressor", _dir.File("06_models", "regressor.json"));

        dataset.Save(Model);

        AssertEqual(Model, dataset.Load());
        var text = File.ReadAllText(dataset.FilePath);
        Assert.Contains("\"model_name\": \"linear — ünïcode\"", text);
        Assert.Contains("\"feature_names\": [", text);
        Assert.Contains("\n  \"intercept\": 42.125", text);
        Assert.Contains("\"b_c\": 2", text); // dictionary keys are data, not renamed
    }

    [Fact]
    public void Loads_a_python_style_file()
    {
        var path = _dir.File("m.json");
        File.WriteAllText(path, """
            {"model_name": "py", "coefficients": [1, 2.5], "feature_names": [], "intercept": -1, "counts": {},}
            """);

        var model = new JsonDataset<RegressorModel>("m", path).Load();

        Assert.Equal("py", model.ModelName);
        Assert.Equal([1, 2.5], model.Coefficients);
        Assert.Equal(-1, model.Intercept);
    }

    [Fact]
    public void Indent_false_in_save_args_writes_compact_json()
    {
        var config = Yaml.Dataset("regressor", _dir.Path,
            ("type", "json"), ("filepath", "regressor.json"), ("save_args", Yaml.Map(("indent", "false"))));

        var dataset = JsonDataset<RegressorModel>.FromConfig(config);
        dataset.Save(Model);

        Assert.Equal(_dir.File("regressor.json"), dataset.FilePath);
        Assert.DoesNotContain("\n", File.ReadAllText(dataset.FilePath));
        AssertEqual(Model, dataset.Load());
    }

    [Fact]
    public void Indent_as_a_number_of_spaces_like_python()
    {
        var config = Yaml.Dataset("r", _dir.Path, ("filepath", "r.json"), ("save_args", Yaml.Map(("indent", 4))));

        var dataset = JsonDataset<RegressorModel>.FromConfig(config);
        dataset.Save(Model);

        Assert.Contains("\n    \"intercept\"", File.ReadAllText(dataset.FilePath));
    }

    [Fact]
    public void Source_generated_type_info_round_trips_and_indent_from_config_overrides_it()
    {
        var dataset = new JsonDataset<RegressorModel>("r", _dir.File("r.json"), TestJsonContext.Default.RegressorModel);
        dataset.Save(Model);
        AssertEqual(Model, dataset.Load());
        Assert.Contains("\"feature_names\"", File.ReadAllText(dataset.FilePath));
        Assert.Contains("\n", File.ReadAllText(dataset.FilePath));

        var config = Yaml.Dataset("r2", _dir.Path, ("filepath", "r2.json"), ("save_args", Yaml.Map(("indent", null))));
        var compact = JsonDataset<RegressorModel>.FromConfig(config, TestJsonContext.Default.RegressorModel);
        compact.Save(Model);
        Assert.DoesNotContain("\n", File.ReadAllText(compact.FilePath));
        AssertEqual(Model, compact.Load());
    }

    [Fact]
    public void Null_document_is_an_error_naming_the_dataset_and_file()
    {
        var path = _dir.File("r.json");
        File.WriteAllText(path, "null");
        var dataset = new JsonDataset<RegressorModel>("regressor", path);

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.Equal("regressor", ex.DatasetName);
        Assert.Contains("Dataset 'regressor'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("null", ex.Message);
    }

    [Fact]
    public async Task Invalid_json_is_an_error_with_the_line()
    {
        var path = _dir.File("r.json");
        File.WriteAllText(path, "{\n  \"model_name\": \"x\",\n  \"intercept\": \"not a number\"\n}");
        var dataset = new JsonDataset<RegressorModel>("regressor", path);

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());
        var asyncEx = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.LoadAsync());

        foreach (var e in new[] { ex, asyncEx })
        {
            Assert.Contains("Dataset 'regressor'", e.Message);
            Assert.Contains(path, e.Message);
            Assert.Contains("line 3", e.Message);
            Assert.Contains("$.intercept", e.Message);
            Assert.IsType<JsonException>(e.InnerException);
        }
    }

    [Fact]
    public void Missing_file_names_the_dataset_and_path()
    {
        var dataset = new JsonDataset<RegressorModel>("regressor", _dir.File("06_models", "regressor.json"));

        Assert.False(dataset.Exists());
        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.Contains("Dataset 'regressor'", ex.Message);
        Assert.Contains(_dir.File("06_models", "regressor.json"), ex.Message);
        Assert.Contains("file not found", ex.Message);
    }

    [Fact]
    public async Task A_serializer_failing_midway_leaves_the_previous_file_byte_identical()
    {
        var path = _dir.File("items.json");
        var options = new JsonSerializerOptions { Converters = { new ThrowingBoomConverter(failAt: 5_000) } };
        var dataset = new JsonDataset<BoomList>("items", path, options);
        var original = Encoding.UTF8.GetBytes("{\"items\": [{\"index\": 1}]}");
        File.WriteAllBytes(path, original);
        var data = new BoomList(Enumerable.Range(0, 10_000).Select(i => new Boom { Index = i }).ToList());

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(data));
        var asyncEx = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.SaveAsync(data));

        foreach (var e in new[] { ex, asyncEx })
        {
            Assert.Equal("converter failed at 5000", e.InnerException?.Message);
            Assert.Contains("Dataset 'items'", e.Message);
            Assert.Contains(path, e.Message);
        }
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["items.json"], _dir.AllFiles());
    }

    [Fact]
    public async Task Async_and_sync_are_equivalent()
    {
        var sync = new JsonDataset<RegressorModel>("a", _dir.File("a.json"));
        var async = new JsonDataset<RegressorModel>("b", _dir.File("b.json"));

        sync.Save(Model);
        await async.SaveAsync(Model);

        Assert.Equal(File.ReadAllBytes(sync.FilePath), File.ReadAllBytes(async.FilePath));
        AssertEqual(Model, await sync.LoadAsync());
        AssertEqual(Model, async.Load());
    }

    [Fact]
    public void NaN_and_infinity_round_trip()
    {
        var dataset = new JsonDataset<double[]>("d", _dir.File("d.json"));

        dataset.Save([double.NaN, double.PositiveInfinity, 1.5]);

        Assert.Equal([double.NaN, double.PositiveInfinity, 1.5], dataset.Load());
    }

    [Fact]
    public void Unsupported_args_are_rejected()
    {
        var config = Yaml.Dataset("r", _dir.Path, ("filepath", "r.json"), ("save_args", Yaml.MapAt(40, ("indnet", 2))));

        var ex = Assert.Throws<DatasetException>(() => JsonDataset<RegressorModel>.FromConfig(config));

        Assert.Contains("'save_args.indnet'", ex.Message);
        Assert.Contains($"{Yaml.File}:41:", ex.Message);
    }
}
