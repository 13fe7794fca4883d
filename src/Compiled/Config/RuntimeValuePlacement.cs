// Where a catalog entry may write a ${runtime:…} value. This file depends on the base class library only and is
// written for netstandard2.0 as well as net10.0: the source generator and the analyzers compile it too, so that the
// build refuses (CPL0016) exactly what a run refuses.
#nullable enable

namespace Compiled.Config
{
    /// <summary>What a runtime value written under a catalog entry's key may become.</summary>
    public enum RuntimeValuePlace
    {
        /// <summary>A path segment: <c>filepath</c>, <c>path</c> and every key not named below.</summary>
        PathSegment,

        /// <summary>A path segment inside a keyword's value of <c>connection_string</c>, escaped by a connection-string builder.</summary>
        ConnectionString,

        /// <summary>Anything: <c>parameters</c> of a <c>sql</c> entry are bound as query parameters, never written into SQL.</summary>
        BoundParameter,

        /// <summary>Only a name the entry's <c>allowed_tables</c> lists: <c>table_name</c>.</summary>
        AllowedTable,

        /// <summary>Nothing: SQL text (<c>query</c>, <c>sql</c>) and <c>allowed_tables</c> take no runtime value.</summary>
        Never,
    }

    /// <summary>The place of each key of a catalog entry for runtime values (see <see cref="RuntimeValuePlace"/>).</summary>
    public static class RuntimeValuePlacement
    {
        /// <summary>The key that lists the tables a runtime <c>table_name</c> may name.</summary>
        public const string AllowedTablesKey = "allowed_tables";

        /// <summary>The place of a runtime value written under the entry's top-level key <paramref name="key"/>.</summary>
        public static RuntimeValuePlace Of(string key) => key switch
        {
            "parameters" => RuntimeValuePlace.BoundParameter,
            "query" or "sql" or AllowedTablesKey => RuntimeValuePlace.Never,
            "table_name" => RuntimeValuePlace.AllowedTable,
            "connection_string" => RuntimeValuePlace.ConnectionString,
            _ => RuntimeValuePlace.PathSegment,
        };

        /// <summary>
        /// Why a runtime value cannot go under <paramref name="key"/> as the entry is written, and what to do; null when it can.
        /// <paramref name="hasAllowedTables"/> says whether the entry lists <c>allowed_tables</c>.
        /// </summary>
        public static string? Refusal(string key, bool hasAllowedTables) => Of(key) switch
        {
            RuntimeValuePlace.Never when key == AllowedTablesKey => "list the allowed table names literally",
            RuntimeValuePlace.Never =>
                "SQL text never takes a runtime value: bind it as a query parameter instead, " +
                "e.g. 'WHERE customer = @customer' with 'parameters: { customer: \"${runtime:customer}\" }'",
            RuntimeValuePlace.AllowedTable when !hasAllowedTables =>
                "a caller could name any table: list the tables it may name, e.g. 'allowed_tables: [orders_eu, orders_us]'",
            _ => null,
        };
    }
}
