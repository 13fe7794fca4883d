namespace Compiled;

/// <summary>
/// What a hook sees of a run, as Kedro's hooks see <c>run_params</c>: the pipeline's name, the run's id, the time since it
/// started and the version its versioned saves are written as. Read-only: a hook observes a run, it cannot end or fail it.
/// A value type handed to hooks by reference: calling a hook allocates nothing.
/// </summary>
public readonly struct RunParams
{
    private readonly RunContext _run;

    internal RunParams(in RunContext run) => _run = run;

    /// <summary>The name of the pipeline being run (Kedro's <c>pipeline_name</c>).</summary>
    public string PipelineName => _run.PipelineName;

    /// <summary>The run's id (Kedro's <c>run_id</c>): the caller's, or <c>&lt;session id&gt;-&lt;run number&gt;</c>, unique across sessions and runs.</summary>
    public string RunId => _run.RunId;

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => _run.Elapsed;

    /// <summary>
    /// The version the run's versioned datasets are saved as (Kedro's save version, <c>YYYY-MM-DDThh.mm.ss.sssZ</c>);
    /// reading it fixes the version for the run.
    /// </summary>
    public string SaveVersion => _run.SaveVersion;
}
