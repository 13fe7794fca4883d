using Compiled;

namespace Spaceflights;

/// <summary>Kedro's <c>data_processing</c> pipeline: raw data to the model input table.</summary>
[Pipeline(typeof(DataProcessing))]
public sealed partial class DataProcessingPipeline;

/// <summary>Kedro's <c>data_science</c> pipeline: model input table to a trained, evaluated regressor.</summary>
[Pipeline(typeof(DataScience))]
public sealed partial class DataSciencePipeline;

/// <summary>Kedro's <c>__default__</c> (<c>data_processing + data_science</c>): both pipelines, run when none is named.</summary>
[Pipeline(typeof(DataProcessingPipeline), typeof(DataSciencePipeline))]
public sealed partial class DefaultPipeline;

/// <summary>Serving: one shuttle's features in, its predicted price out; the regressor is loaded once per session.</summary>
[Pipeline(typeof(Inference), Inputs = ["features"], Artifacts = ["regressor"])]
public sealed partial class PredictPipeline;
