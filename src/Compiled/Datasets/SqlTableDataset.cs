using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>What a <see cref="SqlTableDataset{TRow}"/> save does when the table exists (pandas' <c>if_exists</c>).</summary>
public enum SqlIfExists
{
    /// <summary>Replace the table's rows with the saved ones (the default).</summary>
    Replace,

    /// <summary>Add the saved rows to the table's rows.</summary>
    Append,

    /// <summary>Refuse to save.</summary>
    Fail,
}

/// <summary>
/// A SQL table as rows of type <typeparamref name="TRow"/>: Kedro's <c>pandas.SQLTableDataset</c>, and the
/// catalog type <c>sql_table</c>. Runs through ADO.NET, SQLite (Microsoft.Data.Sqlite) by default.
/// </summary>
/// <remarks>
/// <para>
/// A load is <c>SELECT * FROM</c> the table, columns bound to properties by name as for
/// <see cref="SqlQueryDataset{TRow}"/>. A save runs in one transaction: it creates the table when it is
/// missing (one column per property, snake_case, SQLite type names, <c>NOT NULL</c> for non-nullable
/// value types), then replaces its rows, appends to them or fails (<see cref="IfExists"/>), and inserts
/// the rows with a prepared, parameterized statement. A save that fails rolls back: the table keeps
/// its previous rows.
/// </para>
/// </remarks>
/// <typeparam name="TRow">The type of one row.</typeparam>
public sealed class SqlTableDataset<[DynamicallyAccessedMembers(RowShape<object>.RowMembers)] TRow> : IDataset<TRow[]>
{
    private readonly string _quotedTable;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="connection">Where to connect.</param>
    /// <param name="tableName">The table, optionally with its schema (<c>sales.orders</c>).</param>
    /// <param name="ifExists">What a save does when the table exists.</param>
    public SqlTableDataset(string name, SqlConnectionSettings connection, string tableName, SqlIfExists ifExists = SqlIfExists.Replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        Name = name;
        Connection = connection;
        TableName = tableName;
        IfExists = ifExists;
        _quotedTable = string.Join(".", tableName.Split('.').Select(QuoteIdentifier));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Where the dataset connects.</summary>
    public SqlConnectionSettings Connection { get; }

    /// <summary>The table.</summary>
    public string TableName { get; }

    /// <summary>What a save does when the table exists.</summary>
    public SqlIfExists IfExists { get; }

    /// <summary>
    /// Builds the dataset from a catalog entry: <c>table_name</c> (required), the connection (see
    /// <see cref="SqlConnectionSettings.FromConfig"/>), and optional <c>save_args: { if_exists: replace | append | fail }</c>
    /// (<c>replace</c> by default).
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    public static SqlTableDataset<TRow> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var table = config.GetRequiredString("table_name");
        if (string.IsNullOrWhiteSpace(table) || table.Split('.').Any(p => p.Length == 0))
            throw config.Error($"key 'table_name' must name a table (optionally schema.table), not '{table}'", config.Entry["table_name"]!.Location);
        DatasetArgs.CheckKeys(config, "load_args", config.GetMapping("load_args"));
        var saveArgs = config.GetMapping("save_args");
        DatasetArgs.CheckKeys(config, "save_args", saveArgs, "if_exists", "index");
        if (config.GetBoolean("versioned", false)) throw config.Error("cannot be versioned: a table has no files", config.Entry["versioned"]!.Location);
        var ifExists = DatasetArgs.GetString(config, "save_args", saveArgs, "if_exists")?.Trim().ToLowerInvariant() switch
        {
            null or "replace" => SqlIfExists.Replace,
            "append" => SqlIfExists.Append,
            "fail" => SqlIfExists.Fail,
            var other => throw config.Error($"key 'save_args.if_exists' must be replace, append or fail, not '{other}'", saveArgs!["if_exists"]!.Location),
        };
        if (DatasetArgs.GetBoolean(config, "save_args", saveArgs, "index") is true)
            throw config.Error("key 'save_args.index' can only be false: rows have no index column", saveArgs!["index"]!.Location);
        return new SqlTableDataset<TRow>(config.Name, SqlConnectionSettings.FromConfig(config), table, ifExists);
    }

    /// <summary>Reads every row of the table.</summary>
    /// <exception cref="DatasetException">The database cannot be reached, the table does not exist, or a row does not fit <typeparamref name="TRow"/>.</exception>
    public TRow[] Load()
    {
        try
        {
            using var connection = Connection.Open(Name);
            if (!TableExists(connection)) throw TableMissing();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {_quotedTable}";
            using var reader = command.ExecuteReader();
            return new SqlRows<TRow>(Name, Source, reader).ReadAll(reader);
        }
        catch (DbException ex)
        {
            throw Failed("could not load", ex);
        }
    }

    /// <summary>Reads every row of the table, asynchronously.</summary>
    /// <exception cref="DatasetException">The database cannot be reached, the table does not exist, or a row does not fit <typeparamref name="TRow"/>.</exception>
    public async ValueTask<TRow[]> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await Connection.OpenAsync(Name, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (!TableExists(connection)) throw TableMissing();
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = $"SELECT * FROM {_quotedTable}";
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
            throw Failed("could not load", ex);
        }
    }

    /// <summary>Writes <paramref name="data"/> to the table in one transaction, as <see cref="IfExists"/> says.</summary>
    /// <exception cref="DatasetException">The save failed; the table is left as it was.</exception>
    public void Save(TRow[] data)
    {
        if (data is null) throw new DatasetException(Name, $"Dataset '{Name}' ({Source}): cannot save null. Make the node that produces '{Name}' return a value.");
        var shape = RowShape<TRow>.Instance;
        try
        {
            using var connection = Connection.Open(Name);
            using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
            try
            {
                Prepare(connection, transaction, shape);
                Insert(connection, transaction, shape, data);
                transaction.Commit();
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
        }
        catch (DbException ex)
        {
            throw Failed("could not save", ex, " The table was left as it was.");
        }
    }

    /// <summary>Whether the table exists.</summary>
    public bool Exists()
    {
        try
        {
            using var connection = Connection.Open(Name);
            return TableExists(connection);
        }
        catch (DatasetException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SqlTableDataset<{DatasetErrors.TypeName(typeof(TRow))}> '{Name}' ({Source})";

    /// <summary>The SQL column type a property is created with: SQLite's type names, understood by most databases.</summary>
    internal static string SqlType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "TEXT";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 => "INTEGER",
            TypeCode.Single or TypeCode.Double => "REAL",
            TypeCode.Decimal or TypeCode.UInt64 => "NUMERIC",
            _ when type == typeof(byte[]) || type == typeof(Guid) => "BLOB",
            _ => "TEXT",
        };
    }

    private string Source => $"table '{TableName}' of {Connection.Description}";

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private bool TableExists(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM {_quotedTable} WHERE 1 = 0";
        try
        {
            using var reader = command.ExecuteReader();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private bool TableExists(DbConnection connection, DbTransaction transaction)
    {
        // A failing statement must not abort the transaction (PostgreSQL): ask SQLite's catalog when it is SQLite.
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (Connection.Provider is Microsoft.Data.Sqlite.SqliteFactory)
        {
            var parts = TableName.Split('.');
            var schema = parts.Length > 1 ? QuoteIdentifier(parts[0]) + "." : "";
            command.CommandText = $"SELECT count(*) FROM {schema}sqlite_master WHERE type IN ('table', 'view') AND name = @name";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = parts[^1];
            command.Parameters.Add(parameter);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        command.CommandText = $"SELECT 1 FROM {_quotedTable} WHERE 1 = 0";
        try
        {
            using var reader = command.ExecuteReader();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private void Prepare(DbConnection connection, DbTransaction transaction, RowShape<TRow> shape)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (!TableExists(connection, transaction))
        {
            var columns = shape.Members.Select(m => $"{QuoteIdentifier(m.ColumnName)} {SqlType(m.Type)}{(m.IsNullable || m.ValueType == typeof(string) ? "" : " NOT NULL")}");
            command.CommandText = $"CREATE TABLE {_quotedTable} ({string.Join(", ", columns)})";
            command.ExecuteNonQuery();
            return;
        }
        switch (IfExists)
        {
            case SqlIfExists.Fail:
                throw new DatasetException(Name,
                    $"Dataset '{Name}' ({Source}): the table exists and save_args.if_exists is 'fail'. Use replace or append, or drop the table.");
            case SqlIfExists.Replace:
                command.CommandText = $"DELETE FROM {_quotedTable}";
                command.ExecuteNonQuery();
                break;
        }
    }

    private void Insert(DbConnection connection, DbTransaction transaction, RowShape<TRow> shape, TRow[] data)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO {_quotedTable} (");
        text.AppendJoin(", ", shape.Members.Select(m => QuoteIdentifier(m.ColumnName))).Append(") VALUES (");
        text.AppendJoin(", ", shape.Members.Select(m => "@p" + m.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
        command.CommandText = text.ToString();
        var parameters = new DbParameter[shape.Members.Count];
        foreach (var member in shape.Members)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + member.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
            parameters[member.Index] = parameter;
        }
        for (var i = 0; i < data.Length; i++)
        {
            var row = data[i];
            if (row is null) throw RowError(i, null, new ArgumentNullException(nameof(data), "The row is null."));
            foreach (var member in shape.Members)
            {
                object? value;
                try
                {
                    value = member.Get(row);
                }
                catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is { } inner)
                {
                    throw RowError(i, member, inner);
                }
                parameters[member.Index].Value = value switch
                {
                    null => DBNull.Value,
                    Enum e => e.ToString(),
                    _ => value,
                };
            }
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DbException ex)
            {
                throw RowError(i, null, ex);
            }
        }
    }

    private DatasetException RowError(int item, RowMember? member, Exception cause) => new(Name,
        $"Dataset '{Name}' ({Source}): could not save row {item + 1} (item [{item}] of the array)" +
        (member is null ? "" : $", column '{member.ColumnName}' ({DatasetErrors.TypeName(typeof(TRow))}.{member.Property.Name})") +
        $": {cause.GetType().Name}: {DatasetErrors.Sentence(cause.Message)} The table was left as it was.", cause);

    private DatasetException TableMissing() => new(Name,
        $"Dataset '{Name}' ({Source}): the table does not exist. Run the node that produces '{Name}' first, or check 'table_name' in the catalog.");

    private DatasetException Failed(string what, DbException ex, string suffix = "") => new(Name,
        $"Dataset '{Name}' ({Source}): {what}: {DatasetErrors.Sentence(ex.Message)}{suffix}", ex);
}
