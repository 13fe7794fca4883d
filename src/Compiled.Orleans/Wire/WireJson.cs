using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled.Orleans.Wire;

/// <summary>The JSON options of what crosses the wire: the application's metadata, never reflection.</summary>
internal static class WireJson
{
    /// <summary>The options for <paramref name="resolver"/>.</summary>
    /// <param name="resolver">The <c>JsonTypeInfoResolver</c> of the client's or the silo's options.</param>
    /// <param name="option">The option that sets it, for the error when it is missing.</param>
    /// <exception cref="InvalidOperationException">No resolver is set; says what to set.</exception>
    public static JsonSerializerOptions Options(IJsonTypeInfoResolver? resolver, string option) =>
        RemoteJson.Options(resolver ?? throw new InvalidOperationException(
            $"{option} is not set: remote runs write and read their runtime inputs, outputs and parameter values with source-generated " +
            "metadata, never reflection. Set it to a JsonSerializerContext listing those types ([JsonSerializable(typeof(…))]), the same on the " +
            "client and the silos."));
}
