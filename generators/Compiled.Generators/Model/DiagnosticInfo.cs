namespace Compiled.Generators.Model;

/// <summary>
/// Where a diagnostic belongs: a YAML file location, or a C# member found again by id when the
/// analyzer reports it (so no <c>Location</c> or <c>ISymbol</c> is kept in a model).
/// </summary>
internal sealed record DiagnosticTarget(FileLocation? File, string? MemberId, int ParameterIndex = -1)
{
    public static DiagnosticTarget InFile(FileLocation location) => new(location, null);

    public static DiagnosticTarget Member(string memberId) => new(null, memberId);

    public static DiagnosticTarget Parameter(string memberId, int index) => new(null, memberId, index);
}

/// <summary>A diagnostic found while building the project model, with its message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, DiagnosticTarget Target, EquatableArray<string> Arguments, EquatableArray<DiagnosticTarget> AdditionalTargets)
{
    public static DiagnosticInfo Create(string id, DiagnosticTarget target, params string[] arguments) =>
        new(id, target, new EquatableArray<string>(arguments), EquatableArray<DiagnosticTarget>.Empty);

    public DiagnosticInfo WithAdditional(params DiagnosticTarget[] targets) =>
        this with { AdditionalTargets = new EquatableArray<DiagnosticTarget>(targets) };

    /// <summary>Key of the closest known name, for "did you mean" code fixes.</summary>
    public const string SuggestionKey = "Suggestion";

    /// <summary>Values a code fix reads from the reported diagnostic (its <c>Properties</c>).</summary>
    public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

    public DiagnosticInfo WithProperty(string key, string? value) =>
        value is null ? this : this with { Properties = Properties.Concat(new[] { new DiagnosticProperty(key, value) }).ToEquatableArray() };
}

/// <summary>A named value carried by a diagnostic for code fixes.</summary>
internal sealed record DiagnosticProperty(string Key, string Value);
