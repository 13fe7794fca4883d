using System.Buffers;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>Compiles the Dispatch project in memory once and loads it.</summary>
public sealed class DispatchAssembly : IDisposable
{
    private readonly InMemoryAssembly _assembly = InMemoryAssembly.Load(Dispatch.Run.OutputCompilation);

    public Type Type(string name) => _assembly.GetType("Dispatch." + name);

    public void Dispose() => _assembly.Dispose();
}

/// <summary>
/// The serving contracts the generator adds to pipelines and sessions (<c>IPipelineContract</c>,
/// <c>ISessionContract</c>): their code against reviewed snapshots, and generated <c>RunRequestAsync</c>
/// run on real files — inputs read from a JSON body, runtime values, parameter overrides, the result
/// written as JSON, and every malformed request rejected with the field named, before any node runs.
/// </summary>
public sealed class ContractTests(DispatchAssembly dispatch) : IClassFixture<DispatchAssembly>, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly Dictionary<string, string?> Europe = new() { ["region"] = "eu" };

    private readonly TempProjectDirectory _directory = new TempProjectDirectory()
        .WriteConfig(Dispatch.Project)
        .Write("data/eu/2026/orders.csv", "customer,amount\nAda,100\nAda,50\nBob,10\n")
        .Write("data/eu/2025/orders.csv", "customer,amount\nAda,10\n");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void PipelineContract_Snapshot() => Match(MiniFlights.Run, "MiniFlights.PredictPipeline.Contract");

    [Fact]
    public void SessionContract_Snapshot() => Match(MiniFlights.Run, "MiniFlightsSession.Contract");

    /// <summary>Two runtime inputs (one nullable), a required and a defaulted runtime value.</summary>
    [Fact]
    public void PipelineContract_WithRuntimeValuesAndNullableInput_Snapshot() => Match(Dispatch.Run, "Dispatch.QuotePipeline.Contract");

    /// <summary>No runtime input: the body must be empty or <c>{}</c>.</summary>
    [Fact]
    public void PipelineContract_WithoutRuntimeInputs_Snapshot() => Match(Dispatch.Run, "Dispatch.TotalsPipeline.Contract");

    /// <summary>A runtime input named <c>request</c>: the contract's own names step aside.</summary>
    [Fact]
    public void PipelineContract_InputNamedLikeALocal_Snapshot() => Match(Dispatch.Run, "Dispatch.EchoPipeline.Contract");

    [Fact]
    public void DispatchCompilesWithoutWarningsInGeneratedCode()
    {
        var warnings = Dispatch.Run.CompilationDiagnostics
            .Where(d => d.Id != "CS1998" && d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Location.SourceTree is { } tree && !Dispatch.Run.InputCompilation.SyntaxTrees.Contains(tree))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(warnings.Count == 0, "Warnings in generated code:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public void Contract_DescribesInputsValuesAndOutputs()
    {
        var quote = dispatch.Type("QuotePipeline");
        Assert.Equal("quote", Describe<string>(quote, "PipelineName"));
        Assert.Equal(
            [("customer", "Customer", true), ("discount", "Nullable`1", false)],
            Describe<IReadOnlyList<PipelineField>>(quote, "RuntimeInputs").Select(f => (f.Name, f.Type.Name, f.IsRequired)));
        Assert.Equal(
            [("region", true), ("year", false)],
            Describe<IReadOnlyList<PipelineField>>(quote, "RuntimeValues").Select(f => (f.Name, f.IsRequired)));
        Assert.Equal([("quote", "Quote")], Describe<IReadOnlyList<PipelineField>>(quote, "Outputs").Select(f => (f.Name, f.Type.Name)));
    }

    [Fact]
    public async Task RunRequest_ReadsInputs_UsesRuntimeValues_WritesTheResult()
    {
        var response = await Serve("QuotePipeline", """{"customer": {"name": "Ada", "orders": 3}, "discount": 5}""", Europe);

        // Ada's 2026 orders in eu: 150, margin 0.1, discount 5.
        Assert.Equal("""{"quote":{"customer":"Ada","total":160}}""", response);
    }

    [Fact]
    public async Task RunRequest_NullableInputMayBeAbsent_DefaultedRuntimeValueMayBeGiven()
    {
        var values = new Dictionary<string, string?> { ["region"] = "eu", ["year"] = "2025" };

        var response = await Serve("QuotePipeline", """{"customer": {"name": "Ada", "orders": 1}}""", values);

        Assert.Equal("""{"quote":{"customer":"Ada","total":11}}""", response);
    }

    [Fact]
    public async Task RunRequest_AppliesParameterOverrides()
    {
        var response = await Serve("QuotePipeline", """{"customer": {"name": "Ada", "orders": 3}}""", Europe, ["pricing.margin=0.5"]);

        Assert.Equal("""{"quote":{"customer":"Ada","total":225}}""", response);
    }

    [Theory]
    [InlineData("""{"customer": {"name": "Ada", "orders": "three"}}""", "$.customer.orders", "could not be converted")]
    [InlineData("""{"discount": 1}""", "$.customer", "required")]
    [InlineData("""{"customer": null}""", "$.customer", "must not be null")]
    [InlineData("""{"customer": {"name": "Ada", "orders": 1}, "coupon": "X"}""", "$.coupon", "takes 'customer', 'discount'")]
    [InlineData("""{"customer": {"name": "Ada", "orders": 1}, "customer": {"name": "Bob", "orders": 1}}""", "$.customer", "given twice")]
    [InlineData("""{"customer": {"name": "Ada", "orders": 1}""", "$", "not valid JSON")]
    [InlineData("""[1, 2]""", "$", "expected a JSON object")]
    [InlineData("", "$", "the body is empty")]
    public async Task RunRequest_MalformedBody_NamesTheField(string body, string field, string message)
    {
        var exception = await Assert.ThrowsAsync<PipelineRequestException>(() => Serve("QuotePipeline", body, Europe));

        Assert.Equal(field, exception.Field);
        Assert.StartsWith(field + ": ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunRequest_MissingRequiredRuntimeValue_NamesIt()
    {
        var exception = await Assert.ThrowsAsync<PipelineRequestException>(() => Serve("QuotePipeline", """{"customer": {"name": "Ada", "orders": 1}}"""));

        Assert.Equal("region", exception.Field);
        Assert.Contains("${runtime:region}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunRequest_MalformedParameterOverride_NamesThePath()
    {
        var exception = await Assert.ThrowsAsync<ParameterException>(
            () => Serve("QuotePipeline", """{"customer": {"name": "Ada", "orders": 1}}""", Europe, ["pricing.margin=lots"]));

        Assert.Equal("pricing.margin", exception.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData(" { } ")]
    public async Task RunRequest_PipelineWithoutInputs_TakesAnEmptyBody(string body)
    {
        Assert.Equal("""{"total":160}""", await Serve("TotalsPipeline", body, Europe));
    }

    [Fact]
    public async Task RunRequest_PipelineWithoutInputs_RejectsInputs()
    {
        var exception = await Assert.ThrowsAsync<PipelineRequestException>(() => Serve("TotalsPipeline", """{"orders": []}""", Europe));

        Assert.Equal("$.orders", exception.Field);
    }

    [Fact]
    public async Task RunRequest_InputNamedRequest_TupleOutputs()
    {
        Assert.Equal("""{"reply":"HELLO","length":5}""", await Serve("EchoPipeline", """{"request": "hello"}"""));
    }

    [Fact]
    public void SessionContract_ListsArtifactsAndPipelines_AndRejectsUnknownPreloads()
    {
        var session = CreateSession();

        Assert.Empty(DescribeSession<IReadOnlyList<string>>(session.GetType(), "Artifacts"));
        Assert.Equal(
            ["EchoPipeline", "QuotePipeline", "ScalePipeline", "TotalsPipeline"],
            DescribeSession<IReadOnlyList<string>>(session.GetType(), "Pipelines").Order());
        var preload = typeof(ISessionContract<>).MakeGenericType(session.GetType()).GetMethod("Preload")!;
        var error = Assert.Throws<TargetInvocationException>(() => preload.Invoke(session, ["orders"]));
        Assert.Equal("No pipeline declares the artifact 'orders'; the project's pipelines declare none. (Parameter 'artifact')",
            Assert.IsType<ArgumentException>(error.InnerException).Message);
    }

    [Fact]
    public void SessionContract_PreloadsAnArtifactByName()
    {
        using var miniFlights = InMemoryAssembly.Load(MiniFlights.Run.OutputCompilation);
        using var directory = new TempProjectDirectory()
            .WriteConfig(MiniFlights.Project)
            .Write("data/06_models/regressor.json", """{"intercept": 1.5, "coefficients": [2, 3]}""");
        var session = miniFlights.GetType("MiniFlights.MiniFlightsProject")
            .CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = directory.Path, Environment = "base" }))!;
        var contract = typeof(ISessionContract<>).MakeGenericType(session.GetType());

        Assert.Equal(["regressor"], DescribeSession<IReadOnlyList<string>>(session.GetType(), "Artifacts"));
        Assert.False((bool)contract.GetMethod("IsPreloaded")!.Invoke(session, ["regressor"])!);
        contract.GetMethod("Preload")!.Invoke(session, ["regressor"]);
        Assert.True((bool)contract.GetMethod("IsPreloaded")!.Invoke(session, ["regressor"])!);
        var error = Assert.Throws<TargetInvocationException>(() => contract.GetMethod("Preload")!.Invoke(session, ["metrics"]));
        Assert.Equal("No pipeline declares the artifact 'metrics'; the project's pipelines declare regressor. (Parameter 'artifact')",
            Assert.IsType<ArgumentException>(error.InnerException).Message);
    }

    private async Task<string> Serve(string pipelineClass, string body, IReadOnlyDictionary<string, string?>? runtimeValues = null, string[]? overrides = null)
    {
        var session = CreateSession();
        var pipeline = session.Get(pipelineClass[..^"Pipeline".Length])!;
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            var request = new PipelineRequest(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), writer, Json, "run-1")
            {
                RuntimeValues = runtimeValues ?? new Dictionary<string, string?>(),
                ParameterOverrides = overrides ?? [],
            };
            var run = typeof(ContractTests).GetMethod(nameof(RunRequest), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(pipeline.GetType());
            try
            {
                await (ValueTask)run.Invoke(null, [pipeline, request])!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(exception.InnerException);
            }
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private object CreateSession() =>
        dispatch.Type("DispatchProject").CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = _directory.Path, Environment = "base" }))!;

    // Static abstract members are read through generic methods constrained to the interfaces, as a host reads them.
    private static T Describe<T>(Type pipeline, string member) =>
        (T)typeof(ContractTests).GetMethod(nameof(ReadPipeline), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(pipeline).Invoke(null, [member])!;

    private static T DescribeSession<T>(Type session, string member) =>
        (T)typeof(ContractTests).GetMethod(nameof(ReadSession), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(session).Invoke(null, [member])!;

    private static object ReadPipeline<TPipeline>(string member) where TPipeline : class, IPipelineContract<TPipeline> => member switch
    {
        "PipelineName" => TPipeline.PipelineName,
        "RuntimeInputs" => TPipeline.RuntimeInputs,
        "RuntimeValues" => TPipeline.RuntimeValues,
        "Outputs" => TPipeline.Outputs,
        _ => throw new ArgumentOutOfRangeException(nameof(member)),
    };

    private static ValueTask RunRequest<TPipeline>(TPipeline pipeline, PipelineRequest request) where TPipeline : class, IPipelineContract<TPipeline> =>
        TPipeline.RunRequestAsync(pipeline, request, CancellationToken.None);

    private static object ReadSession<TSession>(string member) where TSession : Session, ISessionContract<TSession>
    {
        switch (member)
        {
            case "Artifacts":
                return TSession.Artifacts;
            case "Pipelines":
                var registry = new NameRegistry<TSession>();
                TSession.DescribePipelines(registry);
                return registry.Names;
            default:
                throw new ArgumentOutOfRangeException(nameof(member));
        }
    }

    private sealed class NameRegistry<TSession> : IPipelineRegistry<TSession> where TSession : Session
    {
        public List<string> Names { get; } = [];

        public void Add<TPipeline>(Func<TSession, TPipeline> pipeline) where TPipeline : class, IPipelineContract<TPipeline> =>
            Names.Add(typeof(TPipeline).Name);
    }

    private static void Match(GeneratorRun run, string name) => Snapshot.Match(run.Source(name + ".g.cs"), name);
}
