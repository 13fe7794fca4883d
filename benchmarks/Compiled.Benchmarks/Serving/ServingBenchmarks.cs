using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Compiled.Benchmarks.Infrastructure;

namespace Compiled.Benchmarks.Serving;

/// <summary>
/// The serving shape (issue #16): one runtime input, a preloaded artifact and a [Param], in one node and in three. The
/// baseline is the same node calls by hand with the artifact and the parameters in locals (fields here); the generated
/// <c>Run</c> reads the artifact from its slot and the parameters from fields of the pipeline; the prepared rows run the
/// pipeline's <c>Prepare()</c> object (artifact and parameter in its fields). The "request" category is
/// the path of <c>MapPipeline</c> without HTTP: the pipeline contract's <c>RunRequestAsync</c> with a prepared
/// <see cref="PipelineRequest"/> (JSON body in, JSON result out) against the same JSON read, node call and write by hand.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServingBenchmarks
{
    private static readonly byte[] RequestBody = """{"features":{"engines":2,"crew":3,"rating":95}}"""u8.ToArray();

    private BenchmarksSession _session = null!;
    private ServingOnePipeline _one = null!;
    private ServingOneUnattributedPipeline _oneUnattributed = null!;
    private ServingThreePipeline _three = null!;
    private ServingThreeUnattributedPipeline _threeUnattributed = null!;
    // Prepared is a readonly struct: held in a field, like the baseline's model, its artifact is one load from this object.
    private ServingOnePipeline.Prepared _onePrepared;
    private ServingOneUnattributedPipeline.Prepared _oneUnattributedPrepared;
    private ServingThreePipeline.Prepared _threePrepared;
    private ServingThreeUnattributedPipeline.Prepared _threeUnattributedPrepared;
    private ServingOnePipeline.PreparedUnobserved _oneUnobserved;
    private ServingOneUnattributedPipeline.PreparedUnobserved _oneUnattributedUnobserved;
    private ServingThreePipeline.PreparedUnobserved _threeUnobserved;
    private ServingThreeUnattributedPipeline.PreparedUnobserved _threeUnattributedUnobserved;
    private ServingModel _model = null!;
    private double _scale, _ratingMax;
    private ServingFeatures _features = new(2, 3, 95);
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private Utf8JsonWriter _writer = null!;
    private PipelineRequest _request = null!;
    private JsonTypeInfo<ServingFeatures> _featuresInfo = null!;
    private JsonConverter<ServingFeatures> _featuresConverter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        _model = new ServingModel(1000, 250, 60, 5);
        _session.Catalog.ServingModel.Save(_model);
        _session.Preload(_session.Catalog.ServingModel);
        _scale = _session.Parameters.Serving.Scale;
        _ratingMax = _session.Parameters.Serving.RatingMax;
        (_one, _oneUnattributed, _three, _threeUnattributed) = (_session.ServingOne, _session.ServingOneUnattributed, _session.ServingThree, _session.ServingThreeUnattributed);
        (_onePrepared, _oneUnattributedPrepared) = (_one.Prepare(), _oneUnattributed.Prepare());
        (_threePrepared, _threeUnattributedPrepared) = (_three.Prepare(), _threeUnattributed.Prepare());
        (_oneUnobserved, _oneUnattributedUnobserved) = (_one.PrepareUnobserved(), _oneUnattributed.PrepareUnobserved());
        (_threeUnobserved, _threeUnattributedUnobserved) = (_three.PrepareUnobserved(), _threeUnattributed.PrepareUnobserved());
        if (HandWrittenOne() != GeneratedOne() || InlinedOne() != GeneratedOne() || GeneratedOneUnattributed() != GeneratedOne()
            || HeldOne() != GeneratedOne() || HeldOneUnattributed() != GeneratedOne()
            || HandWrittenThree() != GeneratedThree() || GeneratedThreeUnattributed() != GeneratedThree()
            || HeldThree() != GeneratedThree() || HeldThreeUnattributed() != GeneratedThree()
            || PreparedOne() != GeneratedOne() || PreparedOneUnattributed() != GeneratedOne()
            || PreparedThree() != GeneratedThree() || PreparedThreeUnattributed() != GeneratedThree()
            || UnobservedOne() != GeneratedOne() || UnobservedOneUnattributed() != GeneratedOne()
            || UnobservedThree() != GeneratedThree() || UnobservedThreeUnattributed() != GeneratedThree())
            throw new InvalidOperationException("The generated runs and the hand-written calls disagree.");

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        json.MakeReadOnly();
        _featuresInfo = (JsonTypeInfo<ServingFeatures>)json.GetTypeInfo(typeof(ServingFeatures));
        _featuresConverter = (JsonConverter<ServingFeatures>)_featuresInfo.Converter;
        _writer = new Utf8JsonWriter(_output);
        _request = new PipelineRequest(new ReadOnlySequence<byte>(RequestBody), _writer, json, "benchmark");
        var generated = Response(RequestGenerated);
        var handWritten = Response(RequestHandWritten);
        var converter = Response(RequestHandWrittenConverter);
        if (generated != handWritten || converter != handWritten || !generated.Contains("\"price\":", StringComparison.Ordinal))
            throw new InvalidOperationException($"The request paths disagree: {generated} vs {handWritten} vs {converter}.");
    }

    [Benchmark(Baseline = true, Description = "Hand-written, 1 node"), BenchmarkCategory("1 node")]
    public double HandWrittenOne() => ServingOneNode.Predict(_features, _model, _scale);

    [Benchmark(Description = "Hand-written, node inlined, 1 node"), BenchmarkCategory("1 node")]
    public double InlinedOne() => InlinedPredict.Predict(_features, _model, _scale);

    [Benchmark(Description = "Generated Run, 1 node"), BenchmarkCategory("1 node")]
    public double GeneratedOne() => _session.ServingOne.Run(_features).Price;

    [Benchmark(Description = "Generated Run, AttributeFailures = false, 1 node"), BenchmarkCategory("1 node")]
    public double GeneratedOneUnattributed() => _session.ServingOneUnattributed.Run(_features).Price;

    // A server holds the pipeline it serves, as the baseline holds the model: injected once (MapPipeline resolves it once).
    [Benchmark(Description = "Generated Run, pipeline in a field, 1 node"), BenchmarkCategory("1 node")]
    public double HeldOne() => _one.Run(_features).Price;

    [Benchmark(Description = "Generated Run, pipeline in a field, AttributeFailures = false, 1 node"), BenchmarkCategory("1 node")]
    public double HeldOneUnattributed() => _oneUnattributed.Run(_features).Price;

    // A server that holds its model prepares the pipeline once (docs/prepared-runs.md): artifact and parameter in fields.
    [Benchmark(Description = "Prepared, 1 node"), BenchmarkCategory("1 node")]
    public double PreparedOne() => _onePrepared.Run(_features).Price;

    [Benchmark(Description = "Prepared, AttributeFailures = false, 1 node"), BenchmarkCategory("1 node")]
    public double PreparedOneUnattributed() => _oneUnattributedPrepared.Run(_features).Price;

    // Prepared for a session without hooks (PrepareUnobserved): the node calls, and nothing to test per run.
    [Benchmark(Description = "Prepared unobserved, 1 node"), BenchmarkCategory("1 node")]
    public double UnobservedOne() => _oneUnobserved.Run(_features).Price;

    [Benchmark(Description = "Prepared unobserved, AttributeFailures = false, 1 node"), BenchmarkCategory("1 node")]
    public double UnobservedOneUnattributed() => _oneUnattributedUnobserved.Run(_features).Price;

    [Benchmark(Baseline = true, Description = "Hand-written, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double HandWrittenThree() =>
        ServingThreeNodes.Round(ServingThreeNodes.Predict(ServingThreeNodes.Normalize(_features, _ratingMax), _model), _scale);

    [Benchmark(Description = "Generated Run, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double GeneratedThree() => _session.ServingThree.Run(_features).Price;

    [Benchmark(Description = "Generated Run, AttributeFailures = false, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double GeneratedThreeUnattributed() => _session.ServingThreeUnattributed.Run(_features).Price;

    [Benchmark(Description = "Generated Run, pipeline in a field, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double HeldThree() => _three.Run(_features).Price;

    [Benchmark(Description = "Generated Run, pipeline in a field, AttributeFailures = false, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double HeldThreeUnattributed() => _threeUnattributed.Run(_features).Price;

    [Benchmark(Description = "Prepared, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double PreparedThree() => _threePrepared.Run(_features).Price;

    [Benchmark(Description = "Prepared, AttributeFailures = false, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double PreparedThreeUnattributed() => _threeUnattributedPrepared.Run(_features).Price;

    [Benchmark(Description = "Prepared unobserved, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double UnobservedThree() => _threeUnobserved.Run(_features).Price;

    [Benchmark(Description = "Prepared unobserved, AttributeFailures = false, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double UnobservedThreeUnattributed() => _threeUnattributedUnobserved.Run(_features).Price;

    [Benchmark(Baseline = true, Description = "Hand-written JSON read + call + write, 1 node"), BenchmarkCategory("request")]
    public long RequestHandWritten()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        var reader = new Utf8JsonReader(RequestBody);
        reader.Read(); // {
        reader.Read(); // "features"
        if (!reader.ValueTextEquals("features"u8)) throw new InvalidOperationException("features expected");
        reader.Read();
        var features = JsonSerializer.Deserialize(ref reader, _featuresInfo);
        var price = ServingOneNode.Predict(features, _model, _scale);
        _writer.WriteStartObject();
        _writer.WriteNumber("price"u8, price);
        _writer.WriteEndObject();
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    // The same, with the serializer's converter called on the reader (what RunRequestAsync does): JsonSerializer.Deserialize
    // skips over the value before it reads it; this row is the hand-written path without that second pass.
    [Benchmark(Description = "Hand-written JSON read (converter called directly) + call + write, 1 node"), BenchmarkCategory("request")]
    public long RequestHandWrittenConverter()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        var reader = new Utf8JsonReader(RequestBody);
        reader.Read(); // {
        reader.Read(); // "features"
        if (!reader.ValueTextEquals("features"u8)) throw new InvalidOperationException("features expected");
        reader.Read();
        var features = _featuresConverter.Read(ref reader, typeof(ServingFeatures), _featuresInfo.Options);
        var price = ServingOneNode.Predict(features, _model, _scale);
        _writer.WriteStartObject();
        _writer.WriteNumber("price"u8, price);
        _writer.WriteEndObject();
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    [Benchmark(Description = "RunRequestAsync (MapPipeline's path without HTTP), 1 node"), BenchmarkCategory("request")]
    public long RequestGenerated()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        var run = RunRequest(_session.ServingOne, _request);
        if (!run.IsCompletedSuccessfully) run.AsTask().GetAwaiter().GetResult();
        _writer.Flush();
        return _writer.BytesCommitted;
    }

    // What MapPipeline<TPipeline> calls: the static contract member of the pipeline type it serves.
    private static ValueTask RunRequest<TPipeline>(TPipeline pipeline, PipelineRequest request)
        where TPipeline : class, IPipelineContract<TPipeline> =>
        TPipeline.RunRequestAsync(pipeline, request, CancellationToken.None);

    private string Response(Func<long> path)
    {
        path();
        return System.Text.Encoding.UTF8.GetString(_output.WrittenSpan);
    }
}
