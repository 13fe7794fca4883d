using Compiled;

namespace Runs;

/// <summary>A node that waits on its token until cancelled, between two ordinary nodes.</summary>
public static class Slow
{
    private static TaskCompletionSource s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task Started => s_started.Task;

    public static void Reset() => s_started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Node(Output = "a")]
    public static int First() => 1;

    [Node(Output = "b")]
    public static async Task<int> Wait(int a, CancellationToken cancellationToken)
    {
        s_started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return a;
    }

    [Node(Output = "c")]
    public static int After(int b) => b;
}

/// <summary>raw → prepared (persisted) → features (memory only) → model (persisted; fails while <see cref="Fail"/>) → report.</summary>
public static class Flaky
{
    public static bool Fail { get; set; }

    [Node(Output = "prepared")]
    public static double[] Prepare(double[] raw) => raw.Select(x => x + 1).ToArray();

    [Node(Output = "features")]
    public static double[] Featurize(double[] prepared) => prepared.Select(x => x * 2).ToArray();

    [Node(Output = "model")]
    public static double Train(double[] features, [Param("flaky.scale")] double scale) =>
        Fail ? throw new InvalidOperationException("training diverged") : features.Sum() * scale;

    [Node(Output = "report")]
    public static string Report(double model) => FormattableString.Invariant($"model={model}");
}

/// <summary>A large intermediate value that must be collectable once its only reader has run.</summary>
public static class Lifetimes
{
    private static WeakReference? s_big;

    [Node(Output = "big")]
    public static byte[] MakeBig()
    {
        var big = new byte[4 << 20];
        s_big = new WeakReference(big);
        return big;
    }

    [Node(Output = "size")]
    public static int Measure(byte[] big) => big.Length;

    /// <summary>What the last run of <see cref="WasCollected"/> saw.</summary>
    public static bool? LastCollected { get; set; }

    [Node(Output = "collected")]
    public static bool WasCollected(int size)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        LastCollected = size > 0 && s_big is { IsAlive: false };
        return LastCollected.Value;
    }
}
