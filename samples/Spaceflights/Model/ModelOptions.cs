namespace Spaceflights.Model;

/// <summary>
/// The <c>model_options</c> parameters (<c>conf/base/parameters_data_science.yml</c>): how the
/// model input table is split and which of its columns the model uses.
/// </summary>
/// <param name="TestSize">The fraction of rows held out for evaluation, in (0, 1).</param>
/// <param name="RandomState">The seed of the shuffle before the split.</param>
/// <param name="Features">The model's features: column names of the model input table in snake_case.</param>
public sealed record ModelOptions(double TestSize, int RandomState, string[] Features);
