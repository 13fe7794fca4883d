using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Binds <c>conf/base/parameters*.yml</c> to C# at compile time. Every top-level key becomes a
/// property of the generated parameters record: of the C# type a <c>[Param]</c> asks for when one
/// binds that path, or of a generated record / inferred scalar type otherwise. The default values
/// become one typed value (<see cref="BoundValue"/>) that the emitter writes as C#, so a session gets its
/// parameters without reading YAML for structure.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly ProjectInfo _info;
    private readonly string _rootType;
    private readonly Dictionary<string, ParamUsage> _bindings = new(StringComparer.Ordinal);
    private readonly List<ParameterRecordModel> _records = new();
    private readonly List<ParameterOverrideModel> _overrides = new();
    private readonly Dictionary<string, string> _propertyNames = new(StringComparer.Ordinal); // YAML path → generated property
    private readonly HashSet<string> _recordNames = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly YamlMapping _root;

    public ParameterBinder(ProjectInfo info, YamlMapping root, IEnumerable<ParamUsage> usages, List<DiagnosticInfo> diagnostics)
    {
        _info = info;
        _root = root;
        _diagnostics = diagnostics;
        _rootType = $"global::{(info.Namespace.Length > 0 ? info.Namespace + "." : "")}{info.ProjectName}Parameters";
        foreach (var usage in usages)
        {
            if (!_bindings.TryGetValue(usage.Path, out var first))
            {
                _bindings.Add(usage.Path, usage);
            }
            else if (first.Shape.UnannotatedTypeName == usage.Shape.UnannotatedTypeName)
            {
                // The same type but for top-level nullability (int? and int, string? and string): the property takes the one
                // that does not admit null, which every binding node accepts (int passes as int?); null in YAML is then CPL0003.
                if (first.Shape.IsNullable && !usage.Shape.IsNullable) _bindings[usage.Path] = usage;
            }
            else
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TypeMismatch, DiagnosticTarget.Parameter(usage.NodeId, usage.ParameterIndex),
                    $"parameter '{usage.Path}' is bound to '{Naming.DisplayType(usage.Shape.TypeName)}' here but to '{Naming.DisplayType(first.Shape.TypeName)}' by node '{first.NodeName}'")
                    .WithAdditional(DiagnosticTarget.Parameter(first.NodeId, first.ParameterIndex)));
            }
        }
    }

    public string RootTypeName => _rootType;

    /// <summary>Builds the generated records and the default value.</summary>
    public ParametersModel Build()
    {
        var rootName = _info.ProjectName + "Parameters";
        _recordNames.Add(rootName);
        var value = BindRecord(_root, "", rootName, _rootType, new List<string>());
        return new ParametersModel(_rootType, _records.ToEquatableArray(), value, _overrides.ToEquatableArray());
    }

    /// <summary>The members of the generated parameters record that lead to <paramref name="usage"/>'s value, or null (with a diagnostic).</summary>
    public List<string>? Members(ParamUsage usage)
    {
        // Bound as another type than the path's first binding (CPL0003, reported when the usages were read): like an unknown
        // path, no member reaches it, so that the generated call compiles and only the CPL error shows.
        if (_bindings[usage.Path].Shape.UnannotatedTypeName != usage.Shape.UnannotatedTypeName) return null;

        var segments = usage.Path.Split('.');
        var members = new List<string>(segments.Length);
        YamlValue? current = _root;
        TypeShape? userShape = null;
        var path = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            path = i == 0 ? segment : path + "." + segment;
            if (userShape is not null)
            {
                var member = userShape.Members.FirstOrDefault(m => m.YamlKey == segment || Naming.Loose(m.MemberName) == Naming.Loose(segment));
                if (member is null)
                {
                    var prefix = path.Substring(0, path.Length - segment.Length);
                    var closest = Naming.ClosestMatch(segment, userShape.Members.Select(m => m.YamlKey));
                    var suggestion = closest is null ? null : prefix + closest + usage.Path.Substring(path.Length);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownParameter, DiagnosticTarget.Parameter(usage.NodeId, usage.ParameterIndex),
                        usage.NodeName, usage.Path, $"'{Naming.DisplayType(userShape.TypeName)}' has no member for '{segment}'" +
                            (suggestion is null ? "" : $"; did you mean '{suggestion}'?"))
                        .WithProperty(DiagnosticInfo.SuggestionKey, suggestion));
                    return null;
                }

                members.Add(member.MemberName);
                userShape = member.Shape;
            }
            else
            {
                var mapping = current as YamlMapping;
                var next = mapping?[segment];
                if (next is null)
                {
                    var candidates = mapping?.Entries.Select(e => path.Contains('.') ? path.Substring(0, path.LastIndexOf('.') + 1) + e.Key : e.Key)
                        ?? Enumerable.Empty<string>();
                    var suggestion = Naming.ClosestMatch(usage.Path, candidates.Concat(AllPaths(_root, "")));
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownParameter, DiagnosticTarget.Parameter(usage.NodeId, usage.ParameterIndex),
                        usage.NodeName, usage.Path, suggestion is null ? "add it to conf/base/parameters.yml" : $"did you mean '{suggestion}'?")
                        .WithProperty(DiagnosticInfo.SuggestionKey, suggestion));
                    return null;
                }

                members.Add(_propertyNames.TryGetValue(path, out var property) ? property : Naming.ToPascalCase(segment));
                current = next;
                if (_bindings.TryGetValue(path, out var bound) && path != usage.Path) userShape = bound.Shape;
            }
        }

        return members;
    }

    private RecordValue BindRecord(YamlMapping mapping, string path, string recordName, string typeName, List<string> chain)
    {
        var properties = new List<ParameterPropertyModel>();
        var arguments = new List<NamedValue>();
        var record = new ParameterRecordModel(recordName, path, EquatableArray<ParameterPropertyModel>.Empty);
        var index = _records.Count;
        _records.Add(record);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var propertyName = Naming.ToPascalCase(entry.Key);
            if (!seen.Add(propertyName) || propertyName == recordName || propertyName is "Default" or "EqualityContract" or "WithOverride" or "WithOverrides" or "OverridablePaths")
            {
                propertyName += "Value";
            }

            var childPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            _propertyNames[childPath] = propertyName;
            var (childType, childValue) = BindValue(entry.Value, childPath, entry.Key, new List<string>(chain) { propertyName });
            properties.Add(new ParameterPropertyModel(propertyName, childType, entry.Key, ProjectBuilder.RelativeDisplay(entry.KeyLocation)));
            arguments.Add(new NamedValue(propertyName, childValue));
        }

        _records[index] = record with { Properties = properties.ToEquatableArray() };
        return new RecordValue(typeName, arguments.ToEquatableArray());
    }

    private (string Type, BoundValue Value) BindValue(YamlValue value, string path, string key, List<string> chain)
    {
        if (_bindings.TryGetValue(path, out var usage))
        {
            var bound = Bind(value, usage.Shape, usage);
            AddOverrides(path, chain, usage.Shape);
            return (usage.Shape.TypeName, bound ?? UnboundValue.Instance);
        }

        switch (value)
        {
            case YamlMapping mapping:
                var name = UniqueRecordName(Naming.ToPascalCase(key) + "Parameters");
                var typeName = _rootType + "." + name;
                return (typeName, BindRecord(mapping, path, name, typeName, chain));
            case YamlSequence sequence:
                var kinds = sequence.Items.OfType<YamlScalar>().Select(ScalarValues.Infer).Distinct().ToList();
                var kind = sequence.Items.Count != kinds.Count && sequence.Items.Any(i => i is not YamlScalar)
                    ? ShapeKind.String
                    : kinds.Count == 1 ? kinds[0]
                    : kinds.All(k => k is ShapeKind.Int32 or ShapeKind.Int64 or ShapeKind.Double) && kinds.Count > 0 ? ShapeKind.Double
                    : ShapeKind.String;
                if (sequence.Items.Any(i => i is not YamlScalar))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TypeMismatch, DiagnosticTarget.InFile(value.Location),
                        $"parameter '{path}' is a sequence of mappings or sequences: bind it with a [Param(\"{path}\")] of a C# type (e.g. an array of records)"));
                    return ("global::System.Collections.Generic.IReadOnlyList<string>", new EmptyArrayValue("string"));
                }

                var element = ScalarValues.TypeName(kind);
                AddOverride(path, chain, new ArrayParse(Scalar(Simple(kind)), element, CollectionKind.ReadOnlyInterface));
                var items = sequence.Items.Cast<YamlScalar>().Select(s => ScalarValues.Read(s, kind, EquatableArray<string>.Empty, element) ?? new StringValue(s.Value ?? ""));
                return ($"global::System.Collections.Generic.IReadOnlyList<{element}>", new CollectionValue(CollectionKind.Array, element, items.ToEquatableArray()));
            case YamlScalar { Value: null }:
                return ("string?", NullValue.Instance);
            case YamlScalar scalar:
                var inferred = ScalarValues.Infer(scalar);
                AddOverride(path, chain, Scalar(Simple(inferred)));
                return (ScalarValues.TypeName(inferred), ScalarValues.Read(scalar, inferred, EquatableArray<string>.Empty, "") ?? new StringValue(scalar.Value!));
            default:
                return ("string?", NullValue.Instance);
        }
    }

    /// <summary>Binds a YAML value into a C# type shape; reports CPL0003 at the consumer and the YAML value when it does not fit.</summary>
    private BoundValue? Bind(YamlValue value, TypeShape shape, ParamUsage usage)
    {
        BoundValue? Fail(string problem, YamlValue at)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TypeMismatch, DiagnosticTarget.Parameter(usage.NodeId, usage.ParameterIndex),
                $"parameter '{usage.Path}' ({at.Location.Display}) {problem}").WithAdditional(DiagnosticTarget.InFile(at.Location)));
            return null;
        }

        if (value is YamlScalar { Value: null })
        {
            return shape.IsNullable ? NullValue.Instance : Fail($"is null but '{Naming.DisplayType(shape.TypeName)}' is not nullable", value);
        }

        switch (shape.Kind)
        {
            case ShapeKind.Unsupported:
                return Fail($"cannot be bound into '{Naming.DisplayType(shape.TypeName)}': use a scalar, an enum, an array or list, or a class or record with a public constructor", value);
            case ShapeKind.Collection:
                if (value is not YamlSequence sequence) return Fail($"must be a sequence to bind into '{Naming.DisplayType(shape.TypeName)}'", value);
                var items = new List<BoundValue>();
                foreach (var item in sequence.Items)
                {
                    var bound = Bind(item, shape.Element!, usage);
                    if (bound is null) return null;
                    items.Add(bound);
                }

                return new CollectionValue(shape.Collection == CollectionKind.List ? CollectionKind.List : CollectionKind.Array, shape.Element!.TypeName, items.ToEquatableArray());
            case ShapeKind.Object:
                if (value is not YamlMapping mapping) return Fail($"must be a mapping to bind into '{Naming.DisplayType(shape.TypeName)}'", value);
                var arguments = new List<NamedValue>();
                var initializers = new List<NamedValue>();
                foreach (var entry in mapping.Entries)
                {
                    if (!shape.Members.Any(m => m.YamlKey == entry.Key || Naming.Loose(m.MemberName) == Naming.Loose(entry.Key)))
                    {
                        var closest = Naming.ClosestMatch(entry.Key, shape.Members.Select(m => m.YamlKey));
                        return Fail($"has key '{entry.Key}' but '{Naming.DisplayType(shape.TypeName)}' has no member for it" +
                            (closest is null ? "" : $"; did you mean '{closest}'?"), entry.Value);
                    }
                }

                foreach (var member in shape.Members)
                {
                    var entry = mapping.Entries.FirstOrDefault(e => e.Key == member.YamlKey || Naming.Loose(e.Key) == Naming.Loose(member.MemberName));
                    if (entry is null)
                    {
                        if (member.IsRequired) return Fail($"has no key '{member.YamlKey}', which '{Naming.DisplayType(shape.TypeName)}' requires", value);
                        continue;
                    }

                    var bound = Bind(entry.Value, member.Shape, usage);
                    if (bound is null) return null;
                    if (member.ConstructorParameter is not null) arguments.Add(new NamedValue(member.ConstructorParameter, bound));
                    else initializers.Add(new NamedValue(member.MemberName, bound));
                }

                return new ObjectValue(shape.NonNullableTypeName, arguments.ToEquatableArray(), initializers.ToEquatableArray());
            default:
                if (value is not YamlScalar scalar) return Fail($"must be a scalar to bind into '{Naming.DisplayType(shape.TypeName)}'", value);
                return ScalarValues.Read(scalar, shape.Kind, shape.EnumMembers, shape.NonNullableTypeName)
                    ?? (Interpolations.Contains(scalar.Value) ? null // unresolved: CPL0021 said so (ParameterInterpolations)
                    : Fail($"value '{scalar.Value}' is not a valid {shape.NonNullableTypeName}", value));
        }
    }

    /// <summary>Records the per-run override of every scalar leaf under <paramref name="shape"/> (records only: they copy with <c>with</c>).</summary>
    private void AddOverrides(string path, List<string> chain, TypeShape shape)
    {
        if (shape.Kind == ShapeKind.Object)
        {
            if (!shape.IsRecord) return;
            foreach (var member in shape.Members)
            {
                AddOverrides(path + "." + member.YamlKey, new List<string>(chain) { member.MemberName }, member.Shape);
            }

            return;
        }

        TextParse? parse = shape.Kind == ShapeKind.Collection
            ? shape.Element is { IsScalar: true } element ? new ArrayParse(Scalar(element), element.TypeName, shape.Collection) : null
            : shape.IsScalar ? Scalar(shape) : null;
        if (parse is not null) AddOverride(path, chain, parse);
    }

    private void AddOverride(string path, List<string> chain, TextParse parse) =>
        _overrides.Add(new ParameterOverrideModel(path, new OverrideSetter(chain.ToEquatableArray(), parse), EquatableArray<RuntimeParameterTarget>.Empty));

    private static ScalarParse Scalar(TypeShape shape) => new(shape.Kind, shape.NonNullableTypeName, shape.IsNullable);

    private static TypeShape Simple(ShapeKind kind) =>
        new(ScalarValues.TypeName(kind), kind, false, CollectionKind.None, null, EquatableArray<ShapeMember>.Empty, EquatableArray<string>.Empty);

    private string UniqueRecordName(string name)
    {
        var candidate = name;
        for (var i = 2; !_recordNames.Add(candidate); i++) candidate = name + i;
        return candidate;
    }

    private static IEnumerable<string> AllPaths(YamlValue value, string prefix)
    {
        if (value is not YamlMapping mapping) yield break;
        foreach (var entry in mapping.Entries)
        {
            var path = prefix.Length == 0 ? entry.Key : prefix + "." + entry.Key;
            yield return path;
            foreach (var child in AllPaths(entry.Value, path)) yield return child;
        }
    }
}

/// <summary>A <c>[Param]</c> parameter of a node.</summary>
internal sealed record ParamUsage(string NodeId, string NodeName, int ParameterIndex, string Path, TypeShape Shape);
