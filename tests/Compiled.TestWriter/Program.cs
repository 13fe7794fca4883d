using Compiled.TestWriter;

// hold <file> <text> [version]: saves <text> to <file> (as <version> of a versioned dataset when given), pausing
//   inside the write until a line arrives on stdin.
// train <project directory> <runs>: a session of that project runs <runs> times, each run saving the versioned
//   datasets 'model' and 'metrics', once "go" arrives on stdin (so that many processes save at the same moment).
return args switch
{
    ["hold", var file, var text] => Hold.Run(file, text, version: null),
    ["hold", var file, var text, var version] => Hold.Run(file, text, version),
    ["train", var project, var runs] => Train.Run(project, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Compiled.TestWriter hold <file> <text> [version] | train <project directory> <runs>");
    return 2;
}
