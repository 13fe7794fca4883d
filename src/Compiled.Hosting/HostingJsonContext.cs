using System.Text.Json.Serialization;

namespace Compiled.Hosting;

/// <summary>
/// Serialization metadata for values of primitive types, added after the application's own resolvers in the
/// HTTP JSON options: a pipeline output of type <c>double</c> or <c>string</c> needs no entry in the
/// application's <see cref="JsonSerializerContext"/>.
/// </summary>
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(double[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
