using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Compiled.Datasets;

/// <summary>Writes a column from rows, or reads one into rows, with a static element type.</summary>
internal abstract class ParquetColumnIO<TRow>
    where TRow : class
{
    protected ParquetColumnIO(PropertyInfo property) => Property = property;

    protected PropertyInfo Property { get; }

    /// <summary>Whether this reads <paramref name="field"/>.</summary>
    public abstract bool Fits(DataField field);

    /// <summary>Writes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as the next column of <paramref name="group"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="field"/> of <paramref name="group"/> into rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, DataField field, TRow[] rows, int start, int count, CancellationToken cancellationToken);

    protected ParquetColumnException GetterFailed(int row, Exception exception)
    {
        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        return new ParquetColumnException(
            $"reading {DatasetErrors.TypeName(typeof(TRow))}.{Property.Name} of row {row + 1} threw {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)}", cause);
    }

    protected ParquetColumnException SetterFailed(int row, Exception exception)
    {
        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        return new ParquetColumnException(
            $"setting {DatasetErrors.TypeName(typeof(TRow))}.{Property.Name} of row {row + 1} failed: {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)}", cause);
    }

    protected ParquetColumnException NullInRequired(DataField field, int row) =>
        new($"column '{field.Name}' does not fit {DatasetErrors.TypeName(Property.PropertyType)} ({DatasetErrors.TypeName(typeof(TRow))}.{Property.Name}): " +
            $"row {row + 1} is null. Make the property nullable ({DatasetErrors.TypeName(Property.PropertyType)}?) if the column may hold nulls.");

    // Typed accessors: an open delegate over the property's accessor; reflection if the runtime cannot bind one.
    protected static Func<TRow, T> Getter<T>(PropertyInfo property)
    {
        try
        {
            return property.GetMethod!.CreateDelegate<Func<TRow, T>>();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return row => (T)property.GetValue(row)!;
        }
    }

    protected static Action<TRow, T>? Setter<T>(PropertyInfo property)
    {
        if (property.SetMethod is not { IsPublic: true } setter) return null;
        try
        {
            return setter.CreateDelegate<Action<TRow, T>>();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return (row, value) => property.SetValue(row, value);
        }
    }
}
