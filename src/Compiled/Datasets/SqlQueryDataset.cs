using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// The rows a SQL query returns, as <typeparamref name="TRow"/>s: Kedro's <c>pandas.SQLQueryDataset</c>,
/// and the catalog type <c>sql</c>. Runs through ADO.NET, SQLite (Microsoft.Data.Sqlite) by default.
/// Read-only.
/// </summary>
/// <remarks>
/// <para>
/// Parameters are bound as <see cref="DbParameter"/>s, never written into the SQL text: a value such as
/// <c>'; DROP TABLE x; --</c> is data. Write them in the query as the provider expects
/// (<c>@customer_id</c>, <c>$customer_id</c> or <c>:customer_id</c> for SQLite) and name them without the prefix.
/// </para>
/// <para>
/// Columns bind to properties by name, ignoring case, <c>_</c> and spaces (<c>customer_id</c> fills
/// <c>CustomerId</c>); a column the query does not return is an error unless its property is nullable.
/// Errors name the dataset, the database (never the connection string), the row and the column.
/// </para>
/// </remarks>
/// <typeparam name="TRow">The type of one row.</typeparam>
public sealed class SqlQueryDataset<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow> : IDataset<TRow[]>
{
    private readonly KeyValuePair<string, object?>[] _parameters;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="connection">Where to connect.</param>
    /// <param name="query">The SQL query.</param>
    /// <param name="parameters">The query's parameters by name (without prefix); null values are bound as SQL NULL.</param>
    public SqlQueryDataset(string name, SqlConnectionSettings connection, string query, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        Name = name;
        Connection = connection;
        Query = query;
        _parameters = parameters?.ToArray() ?? [];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Where the dataset connects.</summary>
    public SqlConnectionSettings Connection { get; }

    /// <summary>The SQL query.</summary>
    public string Query { get; }

    /// <summary>The parameters bound to the query.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>query</c> (required), the connection (see
    /// <see cref="SqlConnectionSettings.FromConfig"/>), and optional <c>parameters</c>, a mapping of
    /// parameter names to values (typically <c>${runtime:…}</c>, resolved per run).
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    public static SqlQueryDataset<TRow> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var query = config.GetRequiredString("query");
        if (string.IsNullOrWhiteSpace(query)) throw config.Error("has an empty 'query'", config.Entry["query"]!.Location);
        DatasetArgs.CheckKeys(config, "load_args", config.GetMapping("load_args"));
        DatasetArgs.CheckKeys(config, "save_args", config.GetMapping("save_args"));
        if (config.GetBoolean("versioned", false)) throw config.Error("cannot be versioned: a query has no files", config.Entry["versioned"]!.Location);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (config.GetMapping("parameters") is { } mapping)
        {
            foreach (var (key, node) in mapping.Entries)
            {
                parameters[key] = node switch
                {
                    ConfigScalar scalar => scalar.Value,
                    _ => throw config.Error($"parameter '{key}' must be a scalar value", node.Location),
                };
            }
        }
        return new SqlQueryDataset<TRow>(config.Name, SqlConnectionSettings.FromConfig(config), query, parameters);
    }

    /// <summary>Runs the query and reads every row.</summary>
    /// <exception cref="DatasetException">The database cannot be reached, the query fails, or a row does not fit <typeparamref name="TRow"/>.</exception>
    public TRow[] Load()
    {
        try
        {
            using var connection = Connection.Open(Name);
            using var command = CreateCommand(connection);
            using var reader = command.ExecuteReader();
            return new SqlRows<TRow>(Name, Source, reader).ReadAll(reader);
        }
        catch (DbException ex)
        {
            throw QueryFailed(ex);
        }
    }

    /// <summary>Runs the query and reads every row, asynchronously.</summary>
    /// <exception cref="DatasetException">The database cannot be reached, the query fails, or a row does not fit <typeparamref name="TRow"/>.</exception>
    public async ValueTask<TRow[]> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await Connection.OpenAsync(Name, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = CreateCommand(connection);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await new SqlRows<TRow>(Name, Source, reader).ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (DbException ex)
        {
            throw QueryFailed(ex);
        }
    }

    /// <summary>Always throws: a query cannot be saved. Use a <c>sql_table</c> dataset to write a table.</summary>
    /// <exception cref="DatasetException">Always.</exception>
    public void Save(TRow[] data) => throw new DatasetException(Name,
        $"Dataset '{Name}' is a SQL query (type sql) and cannot be saved. To write rows, use type sql_table with a table_name.");

    /// <summary>Always true: a query has a result, possibly empty.</summary>
    public bool Exists() => true;

    /// <inheritdoc />
    public override string ToString() => $"SqlQueryDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({Connection.Description})";

    private string Source => $"query on {Connection.Description}";

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Query;
        foreach (var (key, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = key;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private DatasetException QueryFailed(DbException ex) => new(Name,
        $"Dataset '{Name}' ({Source}): the query failed: {DatasetErrors.Sentence(ex.Message)} The query: {Query}", ex);
}
