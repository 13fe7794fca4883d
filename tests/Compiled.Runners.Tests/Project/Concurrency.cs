using Compiled;

namespace Runs;

/// <summary>
/// Two independent nodes that can only both complete if they run at the same time: each signals that it has started,
/// then waits for the other's signal (a handshake). Run one after the other, the first waits for ever (bounded by
/// <see cref="Timeout"/>, a safety net so a failing test ends).
/// </summary>
public static class Handshake
{
    private static TaskCompletionSource s_left = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource s_right = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public static void Reset()
    {
        s_left = new(TaskCreationOptions.RunContinuationsAsynchronously);
        s_right = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Node(Output = "left")]
    public static async Task<int> Left(CancellationToken cancellationToken)
    {
        s_left.TrySetResult();
        await s_right.Task.WaitAsync(Timeout, cancellationToken);
        return 1;
    }

    [Node(Output = "right")]
    public static async Task<int> Right(CancellationToken cancellationToken)
    {
        s_right.TrySetResult();
        await s_left.Task.WaitAsync(Timeout, cancellationToken);
        return 2;
    }

    [Node(Output = "both")]
    public static int Join(int left, int right) => left + right;
}

/// <summary>Six independent nodes that record how many of them run at once, to check the parallel runner's bound.</summary>
public static class Wide
{
    private static int s_running;
    private static int s_maximum;

    public static int MaximumConcurrency => Volatile.Read(ref s_maximum);

    public static void Reset() => s_running = s_maximum = 0;

    private static async Task<int> Work(int value, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref s_running);
        for (var seen = Volatile.Read(ref s_maximum); now > seen && Interlocked.CompareExchange(ref s_maximum, now, seen) != seen; seen = Volatile.Read(ref s_maximum))
        {
        }

        await Task.Delay(50, cancellationToken);
        Interlocked.Decrement(ref s_running);
        return value;
    }

    [Node(Output = "w1")]
    public static Task<int> W1(CancellationToken cancellationToken) => Work(1, cancellationToken);

    [Node(Output = "w2")]
    public static Task<int> W2(CancellationToken cancellationToken) => Work(2, cancellationToken);

    [Node(Output = "w3")]
    public static Task<int> W3(CancellationToken cancellationToken) => Work(3, cancellationToken);

    [Node(Output = "w4")]
    public static Task<int> W4(CancellationToken cancellationToken) => Work(4, cancellationToken);

    [Node(Output = "w5")]
    public static Task<int> W5(CancellationToken cancellationToken) => Work(5, cancellationToken);

    [Node(Output = "w6")]
    public static Task<int> W6(CancellationToken cancellationToken) => Work(6, cancellationToken);

    [Node(Output = "total")]
    public static int Sum(int w1, int w2, int w3, int w4, int w5, int w6) => w1 + w2 + w3 + w4 + w5 + w6;

}

/// <summary>Two nodes that fail together when run in parallel, for the aggregated error.</summary>
public static class Twins
{
    [Node(Output = "twin_a")]
    public static async Task<int> A(CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("a broke");
    }

    [Node(Output = "twin_b")]
    public static async Task<int> B(CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new FormatException("b broke");
    }

    [Node(Output = "twins")]
    public static int Both(int twinA, int twinB) => twinA + twinB;
}
