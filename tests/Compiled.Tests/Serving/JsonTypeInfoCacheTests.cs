using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace Compiled.Tests.Serving;

/// <summary>
/// The request path's remembered metadata (<see cref="JsonTypeInfoCache{T}"/>): the same options give the metadata they
/// resolved, other options their own, never the metadata of options asked before.
/// </summary>
public sealed class JsonTypeInfoCacheTests
{
    public sealed record Probe(int Value);

    private static JsonSerializerOptions ReadOnly(JsonNamingPolicy? naming)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = naming };
        options.MakeReadOnly();
        return options;
    }

    [Fact]
    public void The_same_options_give_their_own_metadata_each_time()
    {
        var options = ReadOnly(JsonNamingPolicy.CamelCase);

        var first = JsonTypeInfoCache<Probe>.Get(options);

        Assert.Same(options, first.Options);
        Assert.Same(first, JsonTypeInfoCache<Probe>.Get(options));
        Assert.Equal("value", first.Properties.Single().Name);
    }

    [Fact]
    public void Other_options_are_never_given_the_metadata_remembered_for_the_last()
    {
        var camel = ReadOnly(JsonNamingPolicy.CamelCase);
        var snake = ReadOnly(JsonNamingPolicy.SnakeCaseUpper);

        JsonTypeInfoCache<Probe>.Get(camel);
        var info = JsonTypeInfoCache<Probe>.Get(snake);

        Assert.Same(snake, info.Options);
        Assert.Equal("VALUE", info.Properties.Single().Name);
        Assert.Same(camel, JsonTypeInfoCache<Probe>.Get(camel).Options);
    }

    public sealed record Shared(int Value);

    [Fact]
    public void Two_options_asked_in_turn_both_stay_remembered_and_a_third_pushes_out_the_oldest()
    {
        // A remote pipeline's client and a silo in one process ask for the same types with their own options, run after run.
        var client = ReadOnly(JsonNamingPolicy.CamelCase);
        var silo = ReadOnly(JsonNamingPolicy.SnakeCaseLower);
        var clientInfo = JsonTypeInfoCache<Shared>.Get(client);
        var siloInfo = JsonTypeInfoCache<Shared>.Get(silo);

        Assert.Same(clientInfo, JsonTypeInfoCache<Shared>.Last(client));
        Assert.Same(siloInfo, JsonTypeInfoCache<Shared>.Last(silo));

        var third = ReadOnly(JsonNamingPolicy.KebabCaseLower);
        Assert.Same(third, JsonTypeInfoCache<Shared>.Get(third).Options);
        Assert.Null(JsonTypeInfoCache<Shared>.Last(client));
        Assert.Same(siloInfo, JsonTypeInfoCache<Shared>.Last(silo));
    }

    [Fact]
    public void Options_without_metadata_for_the_type_still_say_so()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
        options.MakeReadOnly();

        Assert.Throws<NotSupportedException>(() => JsonTypeInfoCache<Probe>.Get(options));
    }

    [Fact]
    public void Only_the_built_in_number_converters_with_strict_writing_are_plain_numbers()
    {
        static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options)
        {
            options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
            options.MakeReadOnly();
            return JsonTypeInfoCache<T>.Get(options);
        }

        Assert.True(JsonTypeInfoCache<double>.IsPlainNumber(Info<double>(new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        Assert.True(JsonTypeInfoCache<int>.IsPlainNumber(Info<int>(new JsonSerializerOptions())));
        Assert.True(JsonTypeInfoCache<long>.IsPlainNumber(Info<long>(new JsonSerializerOptions())));
        Assert.False(JsonTypeInfoCache<double>.IsPlainNumber(Info<double>(new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.WriteAsString })));
        Assert.False(JsonTypeInfoCache<double>.IsPlainNumber(Info<double>(new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals })));
        Assert.False(JsonTypeInfoCache<double>.IsPlainNumber(Info<double>(new JsonSerializerOptions { Converters = { new TenthsConverter() } })));
        Assert.False(JsonTypeInfoCache<decimal>.IsPlainNumber(Info<decimal>(new JsonSerializerOptions())));
        Assert.False(JsonTypeInfoCache<Probe>.IsPlainNumber(Info<Probe>(new JsonSerializerOptions())));
    }

    private sealed class TenthsConverter : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble() / 10;

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value * 10);
    }
}
