using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>The JSON metadata of a type that crosses the wire, or an error that says how to provide it.</summary>
internal static class RemoteJson
{
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        try
        {
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException exception)
        {
            var type = Datasets.DatasetErrors.TypeName(typeof(T));
            throw new InvalidOperationException(
                $"The remote pipeline's JSON options have no serialization metadata for {type}, which crosses the wire. List it in a " +
                $"JsonSerializerContext ([JsonSerializable(typeof({type}))]) and pass the context as the JsonTypeInfoResolver of the " +
                "client's and the silos' options.",
                exception);
        }
    }
}
