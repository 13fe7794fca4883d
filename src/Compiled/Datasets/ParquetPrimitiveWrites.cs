using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>
/// Parquet.Net's typed column writes for the value types rows usually have (<see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="float"/>, <see cref="bool"/>, each also nullable), each called from a non-generic method
/// with its exact type argument.
/// </summary>
/// <remarks>
/// ReadyToRun (the composite image of <c>PublishProfile=ReadyToRun</c>) precompiles a generic instantiation it finds in
/// non-generic code, but not one reached only through shared generic code such as <see cref="StructIO{TRow,S}"/> over a
/// row class: without these, the first Parquet write of a cold run JIT-compiled Parquet.Net's whole write path
/// (<c>WritingColumn&lt;int&gt;</c>, <c>DataColumnWriter.WriteAsync&lt;int&gt;</c>, the plain encoder and their async state
/// machines) for each of these types.
/// </remarks>
internal static class ParquetPrimitiveWrites
{
    /// <summary>Writes <paramref name="count"/> values of <paramref name="values"/> through a precompiled path; null when <typeparamref name="S"/> has none.</summary>
    public static Task? TryWrite<S>(ParquetRowGroupWriter group, DataField field, S[] values, int count, CancellationToken cancellationToken)
        where S : struct
    {
        if (typeof(S) == typeof(int)) return Int32(group, field, Unsafe.As<int[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(long)) return Int64(group, field, Unsafe.As<long[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(double)) return Double(group, field, Unsafe.As<double[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(float)) return Single(group, field, Unsafe.As<float[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(bool)) return Boolean(group, field, Unsafe.As<bool[]>(values), count, cancellationToken);
        return null;
    }

    /// <summary>Writes <paramref name="count"/> values (nulls included) of <paramref name="values"/> through a precompiled path; null when <typeparamref name="S"/> has none.</summary>
    public static Task? TryWrite<S>(ParquetRowGroupWriter group, DataField field, S?[] values, int count, CancellationToken cancellationToken)
        where S : struct
    {
        if (typeof(S) == typeof(int)) return Int32(group, field, Unsafe.As<int?[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(long)) return Int64(group, field, Unsafe.As<long?[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(double)) return Double(group, field, Unsafe.As<double?[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(float)) return Single(group, field, Unsafe.As<float?[]>(values), count, cancellationToken);
        if (typeof(S) == typeof(bool)) return Boolean(group, field, Unsafe.As<bool?[]>(values), count, cancellationToken);
        return null;
    }

    private static Task Int32(ParquetRowGroupWriter group, DataField field, int[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<int>(field, new ReadOnlyMemory<int>(values, 0, count), null, null, cancellationToken);

    private static Task Int32(ParquetRowGroupWriter group, DataField field, int?[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<int>(field, new ReadOnlyMemory<int?>(values, 0, count), null, null, cancellationToken);

    private static Task Int64(ParquetRowGroupWriter group, DataField field, long[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<long>(field, new ReadOnlyMemory<long>(values, 0, count), null, null, cancellationToken);

    private static Task Int64(ParquetRowGroupWriter group, DataField field, long?[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<long>(field, new ReadOnlyMemory<long?>(values, 0, count), null, null, cancellationToken);

    private static Task Double(ParquetRowGroupWriter group, DataField field, double[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<double>(field, new ReadOnlyMemory<double>(values, 0, count), null, null, cancellationToken);

    private static Task Double(ParquetRowGroupWriter group, DataField field, double?[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<double>(field, new ReadOnlyMemory<double?>(values, 0, count), null, null, cancellationToken);

    private static Task Single(ParquetRowGroupWriter group, DataField field, float[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<float>(field, new ReadOnlyMemory<float>(values, 0, count), null, null, cancellationToken);

    private static Task Single(ParquetRowGroupWriter group, DataField field, float?[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<float>(field, new ReadOnlyMemory<float?>(values, 0, count), null, null, cancellationToken);

    private static Task Boolean(ParquetRowGroupWriter group, DataField field, bool[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<bool>(field, new ReadOnlyMemory<bool>(values, 0, count), null, null, cancellationToken);

    private static Task Boolean(ParquetRowGroupWriter group, DataField field, bool?[] values, int count, CancellationToken cancellationToken) =>
        group.WriteAsync<bool>(field, new ReadOnlyMemory<bool?>(values, 0, count), null, null, cancellationToken);
}
