using Compiled;

namespace Grid;

/// <summary>
/// Counts the loads of the <c>model</c> artifact through the hooks: in <see cref="Loads"/> and, when a file is given, one
/// line per load (<c>{silo} model {run id}</c>; the run id is <c>preload</c> for the load at the silo's start) appended to it, so that a test can count the loads of silos in other processes.
/// </summary>
public sealed class LoadCounter(string silo, string? file) : PipelineHook
{
    private int _loads;

    /// <summary>How many times this silo's session loaded the model.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <inheritdoc />
    public override void AfterDatasetLoaded(in RunParams run, string dataset)
    {
        if (dataset != "model") return;
        Interlocked.Increment(ref _loads);
        if (file is not null) File.AppendAllText(file, $"{silo} {dataset} {run.RunId}\n");
    }
}
