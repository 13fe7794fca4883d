using System.Text.Json.Serialization;
#if (spaceflights)
using MyNamespace.Model;
#endif

namespace MyNamespace;

/// <summary>
/// Source-generated JSON metadata for what crosses the wire between the client and the silos: the pipelines' runtime inputs
/// and results (the parameters record writes itself, and its values are scalars). Remote runs never fall back to
/// reflection: a type missing here is an error that names it. Add the types of the pipelines you call remotely.
/// </summary>
#if (spaceflights)
[JsonSerializable(typeof(ShuttleFeatures))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Metrics))]
[JsonSerializable(typeof(Regressor))]
#else
[JsonSerializable(typeof(PriceList))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Quote))]
#endif
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
