using Compiled;

namespace Grid;

/// <summary>The sweep pipeline's node.</summary>
public static class Sweep
{
    private static int s_cancelled;

    /// <summary>How many runs of this process were cancelled while they waited.</summary>
    public static int Cancelled => Volatile.Read(ref s_cancelled);

    /// <summary>Waits <see cref="SweepOptions.DelayMs"/>, then returns x² + 1; throws when x is <see cref="SweepOptions.FailAt"/>.</summary>
    [Node(Output = "square")]
    public static async Task<double> Square([Param("sweep")] SweepOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (options.DelayMs > 0) await Task.Delay(options.DelayMs, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref s_cancelled);
            throw;
        }

        if (options.X == options.FailAt) throw new InvalidOperationException($"x = {options.X} is refused by this node.");
        return options.X * options.X + 1;
    }
}

/// <summary>The scoring pipeline's node.</summary>
public static class Scoring
{
    /// <summary>The model's value at the point.</summary>
    /// <exception cref="ArgumentException">The point's x is not a number.</exception>
    [Node(Output = "score")]
    public static double Score(LineModel model, Point point) =>
        double.IsNaN(point.X) ? throw new ArgumentException("The point's x is not a number.", nameof(point)) : model.Slope * point.X + model.Intercept;
}

/// <summary>The doubling pipeline's node.</summary>
public static class Doubling
{
    /// <summary>Twice the reading's value.</summary>
    [Node(Output = "doubled")]
    public static double Double(Reading reading) => reading.Value * 2;
}

/// <summary>The calibrated pipeline's node.</summary>
public static class Calibrating
{
    /// <summary>The point's x, shifted, plus the offset of the site's calibration.</summary>
    [Node(Output = "calibrated")]
    public static double Calibrate(Point point, double shift, Calibration calibration) => point.X + shift + calibration.Offset;
}

/// <summary>x² + 1 for the sweep's x.</summary>
[Pipeline(typeof(Sweep))]
public sealed partial class SquarePipeline;

/// <summary>A point in, its score out; the model is an artifact.</summary>
[Pipeline(typeof(Scoring), Inputs = ["point"], Artifacts = ["model"])]
public sealed partial class ScorePipeline;

/// <summary>The offset pipeline's node.</summary>
public static class Offsetting
{
    /// <summary>The point's x plus and minus the shift.</summary>
    [Node(Outputs = ["plus", "minus"])]
    public static (double, double) Offset(Point point, double shift) => (point.X + shift, point.X - shift);
}

/// <summary>Two runtime inputs and two outputs, all of types Orleans has codecs for: a single run carries them as tuples.</summary>
[Pipeline(typeof(Offsetting), Inputs = ["point", "shift"])]
public sealed partial class OffsetPipeline;

/// <summary>A reading in, twice its value out: a runtime input Orleans has no codec for.</summary>
[Pipeline(typeof(Doubling), Inputs = ["reading"])]
public sealed partial class DoublePipeline;

/// <summary>Two runtime inputs and a catalog entry that takes a <c>${runtime:site}</c> value.</summary>
[Pipeline(typeof(Calibrating), Inputs = ["point", "shift"])]
public sealed partial class CalibratedPipeline;
