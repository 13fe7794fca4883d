namespace Compiled.Datasets;

/// <summary>
/// Loaded data with an effect due only once the run that loaded it succeeds: the checkpoint of an incremental
/// dataset. The run calls <see cref="Complete"/> after its last node; a failed run never calls it.
/// </summary>
internal interface IRunCompletion
{
    /// <summary>Applies the effect (writes the checkpoint).</summary>
    void Complete();
}
