using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compiled.Hosting;

/// <summary>
/// The options a pipeline endpoint reads bodies with when <see cref="PipelineEndpointOptions.StrictJson"/> is on:
/// the application's HTTP JSON options (naming policy, number handling, its resolvers), copied, with System.Text.Json's
/// own strictness switched on: unknown members, missing required members, repeated members and nulls for
/// non-nullable members are errors.
/// </summary>
internal static class StrictJson
{
    public static JsonSerializerOptions From(JsonSerializerOptions options) => new(options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };
}
