using Compiled.Config;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Builds the one model of the project — catalog, parameters, nodes and pipelines — from the parsed
/// YAML files and C# declarations. The generator emits from it; the analyzers report its
/// diagnostics. Both call this same code, so they always agree.
/// </summary>
internal static class ProjectBuilder
{
    public static ProjectModel Build(
        ProjectInfo info,
        IReadOnlyList<ConfigFileModel> files,
        IReadOnlyList<NodeModel> nodes,
        IReadOnlyList<PipelineDeclaration> pipelines,
        IReadOnlyList<UserDatasetType>? datasetTypes = null,
        TypeConversions? conversions = null)
    {
        conversions ??= TypeConversions.None;
        // A class or partial method declared in several parts can carry the attribute on more than one (CS0579):
        // the generator then sees it once per part. Keep one declaration per pipeline class (one generated file
        // each, as AddSource requires) and drop identical node parts, as the analyzers see them.
        pipelines = pipelines.GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        nodes = nodes.Distinct().ToList();

        var userTypes = (datasetTypes ?? Array.Empty<UserDatasetType>()).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var file in files)
        {
            if (file.Error is not null) diagnostics.Add(file.Error);
        }

        foreach (var node in nodes) diagnostics.AddRange(node.Diagnostics);
        foreach (var pipeline in pipelines) diagnostics.AddRange(pipeline.Diagnostics);
        var catalogBroken = files.Any(f => f.Kind == ConfigFileKind.Catalog && f.Error is not null);
        var parametersBroken = files.Any(f => f.Kind == ConfigFileKind.Parameters && f.Error is not null);

        ReportDuplicateNames(nodes, pipelines, diagnostics);

        // Modular pipelines: each pipeline's nodes after composition and [Include]s (renamed copies of the declared
        // nodes). From here on the project's nodes are those copies, plus the declared nodes no pipeline uses.
        var expansionStart = diagnostics.Count;
        var expanded = ModularPipelines.Expand(pipelines, nodes, diagnostics);
        var brokenPipelines = new HashSet<string>(diagnostics.Skip(expansionStart).Select(d => d.Target.MemberId ?? ""), StringComparer.Ordinal);
        var inPipelines = expanded.Values.SelectMany(e => e.Nodes).Distinct().ToList();
        var usedIds = new HashSet<string>(inPipelines.Select(n => n.Id), StringComparer.Ordinal);
        var declaredNodes = nodes;
        nodes = inPipelines.Concat(declaredNodes.Where(n => !usedIds.Contains(n.Id))).ToList();

        var catalog = ReadCatalog(files, userTypes, diagnostics);
        ResolveFactories(catalog, nodes);

        // Parameters: bind every [Param] usage into the YAML values (once per node parameter and path).
        var usages = new List<ParamUsage>();
        var seenUsages = new HashSet<(string, int)>();
        foreach (var node in nodes)
        {
            for (var i = 0; i < node.Parameters.Count; i++)
            {
                var parameter = node.Parameters[i];
                if (parameter.Kind == NodeParameterKind.Parameter && seenUsages.Add(ParameterKey(node, i)))
                {
                    usages.Add(new ParamUsage(node.Id, node.Name, i, parameter.Binding, parameter.Shape!));
                }
            }
        }

        var runtimeParameters = new List<RuntimeParameterUse>();
        var parametersRoot = ParameterInterpolations.Resolve(MergeRoots(files, ConfigFileKind.Parameters), MergeRoots(files, ConfigFileKind.Globals), diagnostics, runtimeParameters);
        var bindingStart = diagnostics.Count;
        var binder = new ParameterBinder(info, parametersRoot, usages, diagnostics);
        var parameters = RuntimeParameterOverrides.Add(binder.Build(), runtimeParameters);
        // Values recovered from a parameters file that does not parse only keep the record's members: its CPL0006 is the error.
        if (parametersBroken) diagnostics.RemoveRange(bindingStart, diagnostics.Count - bindingStart);
        var parameterMembers = new Dictionary<(string, int), EquatableArray<string>>();
        foreach (var usage in usages)
        {
            if (parametersBroken) continue;
            var members = binder.Members(usage);
            if (members is not null) parameterMembers[ParameterKey(usage.NodeId, usage.ParameterIndex, usage.Path)] = members.ToEquatableArray();
        }

        // Catalog types come from the nodes that read and write each entry.
        var globals = MergeRoots(files, ConfigFileKind.Globals);
        var valueTypes = new Dictionary<string, DatasetValueType>(StringComparer.Ordinal);
        var typedCatalog = TypeCatalog(catalog, globals, userTypes, nodes, conversions, diagnostics, valueTypes);

        var planner = new PipelinePlanner(catalog, typedCatalog, valueTypes, conversions, parameterMembers, diagnostics, catalogBroken || parametersBroken);
        var pipelineModels = pipelines
            .Where(p => p.Diagnostics.IsEmpty)
            .Select(p => planner.Plan(p, expanded[p.Id], brokenPipelines.Contains(p.Id)))
            .ToEquatableArray();

        // An entry the catalog declares but that is invalid (CPL0007, CPL0011) is not also "not provided" (CPL0001).
        var declared = new HashSet<string>(
            files.Where(f => f.Kind == ConfigFileKind.Catalog && f.Content is not null).SelectMany(f => f.Content!.Entries).Select(e => e.Key).Where(k => !k.StartsWith("_", StringComparison.Ordinal)),
            StringComparer.Ordinal);
        diagnostics.RemoveAll(d => d.Id == DiagnosticIds.UnresolvedInput && d.Arguments.Count > 1 && declared.Contains(d.Arguments[1]));

        ReportUnused(catalog, parametersRoot, nodes, expanded.Values.SelectMany(e => e.Artifacts), diagnostics);

        // An entry with an error of its own (CPL0007) says so once: nothing else is reported within it.
        var invalidEntries = catalog.Values.Where(e => e.IsInvalid).ToList();
        diagnostics.RemoveAll(d => d.Id != DiagnosticIds.InvalidCatalogEntry && d.Target.File is { } at && invalidEntries.Any(e => Within(at, e)));

        // A file that does not parse says so once (CPL0006): what was recovered around the error is not reported on.
        var brokenFiles = new HashSet<string>(files.Where(f => f.Error is not null).Select(f => f.Path), StringComparer.Ordinal);
        diagnostics.RemoveAll(d => d.Id != DiagnosticIds.InvalidYaml && d.Target.File is { } file && brokenFiles.Contains(file.FilePath));

        return new ProjectModel(
            info,
            typedCatalog.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            parameters,
            pipelineModels,
            diagnostics.ToEquatableArray())
        {
            NodeSources = NodeSources(files, declaredNodes),
            ParameterValues = usages
                .GroupBy(u => u.Path, StringComparer.Ordinal)
                .Select(g => new ParameterValueModel(g.Key, g.First().Shape.TypeName, YamlJson.Find(parametersRoot, g.Key) is { } value ? YamlJson.Write(value) : null))
                .OrderBy(p => p.Path, StringComparer.Ordinal)
                .ToEquatableArray(),
        };
    }

    /// <summary>
    /// Each node method's declaration, its file relative to the project directory: the directory holding <c>conf/</c>
    /// (the generator sees no MSBuild project path, but it sees the configuration files).
    /// </summary>
    private static EquatableArray<NodeSourceModel> NodeSources(IReadOnlyList<ConfigFileModel> files, IReadOnlyList<NodeModel> nodes)
    {
        var projectDirectory = files
            .Select(f => f.Path.Replace('\\', '/'))
            .Select(p => p.LastIndexOf("/conf/", StringComparison.Ordinal) is var index and >= 0 ? p.Substring(0, index + 1) : null)
            .FirstOrDefault(d => d is not null);
        string Relative(string file)
        {
            file = file.Replace('\\', '/');
            return projectDirectory is not null && file.StartsWith(projectDirectory, StringComparison.Ordinal) ? file.Substring(projectDirectory.Length)
                : file.Substring(file.LastIndexOf('/') + 1);
        }

        return nodes
            .Select(n => n.Source)
            .OfType<NodeSourceModel>()
            .GroupBy(s => s.Method, StringComparer.Ordinal)
            .Select(g => g.First() with { File = Relative(g.First().File) })
            .OrderBy(s => s.Method, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>
    /// Kedro's dataset factories, at compile time: every dataset a node names that has no entry of its
    /// own gets the most specific matching pattern entry (<c>"{name}_csv"</c>); pattern entries then leave the catalog.
    /// </summary>
    private static void ResolveFactories(Dictionary<string, CatalogEntry> catalog, IReadOnlyList<NodeModel> nodes)
    {
        var patterns = catalog.Keys.Where(Compiled.Config.DatasetPatternMatcher.IsPattern).ToList();
        if (patterns.Count == 0) return;
        var names = nodes.SelectMany(n => n.Outputs.Select(o => o.Dataset)
            .Concat(n.Parameters.Where(p => p.Kind == NodeParameterKind.Input).Select(p => p.Binding)));
        foreach (var name in names.Distinct(StringComparer.Ordinal).ToList())
        {
            if (catalog.ContainsKey(name)) continue;
            if (Compiled.Config.DatasetPatternMatcher.TryResolve(patterns, name, out var pattern, out _))
            {
                var entry = catalog[pattern!];
                catalog[name] = entry with { Name = name, DeclaredAt = $"{entry.DeclaredAt} (pattern '{pattern}')" };
            }
        }

        foreach (var pattern in patterns) catalog.Remove(pattern);
    }

    private static Dictionary<string, CatalogEntry> ReadCatalog(
        IReadOnlyList<ConfigFileModel> files, Dictionary<string, UserDatasetType> userTypes, List<DiagnosticInfo> diagnostics)
    {
        var catalog = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Kind == ConfigFileKind.Catalog && f.Content is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var entry in file.Content!.Entries)
            {
                if (entry.Key.StartsWith("_", StringComparison.Ordinal)) continue; // YAML anchors, as in Kedro
                if (entry.Value is not YamlMapping mapping)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(entry.KeyLocation),
                        entry.Key, "must be a mapping with at least a 'type' key"));
                    continue;
                }

                var kind = (mapping["type"] as YamlScalar)?.Value;
                if (kind is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(entry.KeyLocation),
                        entry.Key, "has no 'type' (one of " + string.Join(", ", DatasetKinds.Names) + ")"));
                    continue;
                }

                var written = kind;
                kind = KedroCatalogNames.KindOf(kind) ?? kind; // pandas.CSVDataset is csv, …
                if (!DatasetKinds.IsKnown(kind) && userTypes.TryGetValue(kind, out var userType))
                {
                    if (userType.TypeName is null && KedroCatalogNames.LooksLikeKedroType(kind))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedKedroType, DiagnosticTarget.InFile(mapping["type"]!.Location),
                            entry.Key, written, string.Join(", ", KedroCatalogNames.SupportedKedroTypes), string.Join(", ", DatasetKinds.Names)));
                        KeepInvalid(catalog, entry, mapping, "memory");
                        continue;
                    }

                    if (userType.Problem is not null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(mapping["type"]!.Location),
                            entry.Key, $"has type '{kind}', which {userType.Problem}"));
                        continue;
                    }
                }
                else if (!DatasetKinds.IsKnown(kind))
                {
                    var suggestion = Naming.ClosestMatch(kind, DatasetKinds.Names);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(mapping["type"]!.Location),
                        entry.Key, $"has an unknown type '{kind}'" + (suggestion is null ? $" (known: {string.Join(", ", DatasetKinds.Names)})" : $"; did you mean '{suggestion}'?")));
                    KeepInvalid(catalog, entry, mapping, suggestion ?? "memory");
                    continue;
                }

                var builtIn = DatasetKinds.IsKnown(kind);
                var missing = builtIn ? DatasetKinds.RequiredKeys(kind).Where(k => mapping[k] is null).ToList() : new List<string>();
                if (missing.Count > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(entry.KeyLocation),
                        entry.Key, $"of type '{kind}' is missing the required key '{missing[0]}'"));
                    KeepInvalid(catalog, entry, mapping, kind);
                    continue;
                }

                var oneOf = builtIn ? DatasetKinds.RequiredOneOf(kind).ToList() : new List<string>();
                if (oneOf.Count > 0 && oneOf.Count(k => mapping[k] is not null) != 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidCatalogEntry, DiagnosticTarget.InFile(entry.KeyLocation),
                        entry.Key, $"of type '{kind}' needs exactly one of the keys {string.Join(", ", oneOf.Select(k => $"'{k}'"))}"));
                    KeepInvalid(catalog, entry, mapping, kind);
                    continue;
                }

                if (builtIn && !CheckArgs(entry.Key, written, kind, mapping, diagnostics))
                {
                    KeepInvalid(catalog, entry, mapping, kind);
                    continue;
                }

                if (catalog.TryGetValue(entry.Key, out var kept) && kept.IsInvalid)
                {
                    catalog.Remove(entry.Key); // a valid entry replaces an invalid one of the same name, already reported
                }

                if (catalog.ContainsKey(entry.Key))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, DiagnosticTarget.InFile(entry.KeyLocation), "catalog entry", entry.Key));
                    continue;
                }

                catalog.Add(entry.Key, new CatalogEntry(entry.Key, kind, mapping, entry.KeyLocation, RelativeDisplay(entry.KeyLocation)));
            }
        }

        return catalog;
    }

    /// <summary>
    /// Keeps an entry with an error of its own (already reported) as <paramref name="kind"/>, so that its catalog member and
    /// the signatures of the pipelines using it are generated (<see cref="CatalogEntry.IsInvalid"/>); a later valid entry of
    /// the same name wins.
    /// </summary>
    private static void KeepInvalid(Dictionary<string, CatalogEntry> catalog, YamlEntry entry, YamlMapping mapping, string kind)
    {
        if (catalog.ContainsKey(entry.Key)) return;
        catalog.Add(entry.Key, new CatalogEntry(entry.Key, kind, mapping, entry.KeyLocation, RelativeDisplay(entry.KeyLocation)) { IsInvalid = true });
    }

    /// <summary>
    /// Reports (CPL0020) each key of <c>load_args</c> / <c>save_args</c> that built-in <paramref name="kind"/> does not
    /// honour, on the key; false when there is one. A run refuses the same keys.
    /// </summary>
    private static bool CheckArgs(string dataset, string written, string kind, YamlMapping mapping, List<DiagnosticInfo> diagnostics)
    {
        var valid = true;
        foreach (var section in new[] { "load_args", "save_args" })
        {
            if (mapping[section] is not YamlMapping args) continue;
            var supported = section == "load_args" ? KedroCatalogNames.LoadArgs(kind) : KedroCatalogNames.SaveArgs(kind);
            foreach (var arg in args.Entries)
            {
                if (supported.Contains(arg.Key)) continue;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedDatasetArgument, DiagnosticTarget.InFile(arg.KeyLocation),
                    dataset, $"{section}.{arg.Key}", written, KedroCatalogNames.Instead(kind, section, arg.Key)));
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>
    /// Types the catalog entries the nodes use: an entry's C# type is its producers' (the first one's, made nullable
    /// when another producer's is), or for an entry no node writes, one its readers all accept
    /// (<see cref="TypeCompatibility.ChooseAmongReaders"/>). Every reader must accept it (CPL0003, CPL0018).
    /// </summary>
    private static Dictionary<string, CatalogEntryModel> TypeCatalog(
        Dictionary<string, CatalogEntry> catalog, YamlMapping globals, Dictionary<string, UserDatasetType> userTypes,
        IReadOnlyList<NodeModel> nodes, TypeConversions conversions, List<DiagnosticInfo> diagnostics,
        Dictionary<string, DatasetValueType> valueTypes)
    {
        // Every use of each entry, producers first: what a node writes defines the entry's type.
        var uses = new Dictionary<string, List<DatasetUse>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string dataset, DatasetUse use)
        {
            if (!catalog.ContainsKey(dataset)) return;
            if (!uses.TryGetValue(dataset, out var list))
            {
                uses[dataset] = list = new List<DatasetUse>();
                order.Add(dataset);
            }

            list.Add(use);
        }

        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) Add(output.Dataset, new DatasetUse(output.Type, output.ArrayElement, DiagnosticTarget.Member(node.Id), node, -1));
        }

        foreach (var node in nodes)
        {
            for (var i = 0; i < node.Parameters.Count; i++)
            {
                var parameter = node.Parameters[i];
                if (parameter.Kind == NodeParameterKind.Input) Add(parameter.Binding, new DatasetUse(parameter.Type, parameter.ArrayElement, DiagnosticTarget.Parameter(node.Id, i), node, i));
            }
        }

        var typed = new Dictionary<string, CatalogEntryModel>(StringComparer.Ordinal);
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dataset in order)
        {
            var entry = catalog[dataset];
            var list = uses[dataset];
            var writers = list.Where(u => u.ParameterIndex < 0).ToList();
            var readers = list.Where(u => u.ParameterIndex >= 0).ToList();
            var first = writers.Count > 0 ? writers[0] : readers[TypeCompatibility.ChooseAmongReaders(readers.Select(r => r.Type).ToList(), conversions)];
            var valueType = first.Type;
            foreach (var writer in writers.Skip(1))
            {
                if (!TypeCompatibility.SameWritten(writer.Type, first.Type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.TypeMismatch, writer.Target,
                        $"dataset '{dataset}' is '{writer.Type.Name}' in node '{writer.Node.Name}' but '{first.Type.Name}' in node '{first.Node.Name}'").WithAdditional(first.Target));
                }
                else if (writer.Type.Nullability == TypeNullability.NullableReference)
                {
                    valueType = writer.Type; // saving a string? into the dataset: it holds string?
                }
            }

            string? datasetType;
            string supported;
            if (userTypes.TryGetValue(entry.Kind, out var userType) && !DatasetKinds.IsKnown(entry.Kind))
            {
                supported = userType.DataType?.Name ?? "any type";
                // A fixed T: what its producers write must be that type, and not maybe null where it holds no null.
                datasetType = userType.IsGeneric ? $"{userType.TypeName}<{valueType.Name}>"
                    : TypeCompatibility.SameWritten(valueType, userType.DataType!) &&
                      !(writers.Count > 0 && valueType.Nullability == TypeNullability.NullableReference && userType.DataType!.Nullability == TypeNullability.NonNullableReference)
                        ? userType.TypeName
                        : null;
                if (!userType.IsGeneric && datasetType is not null) valueType = userType.DataType!; // what it loads, annotations included
            }
            else if (DatasetKinds.IsPartitioned(entry.Kind))
            {
                datasetType = DatasetKinds.PartitionedDatasetType(entry.Kind, PartitionKind(entry.Entry), valueType, first.Element, out supported);
            }
            else
            {
                datasetType = DatasetKinds.DatasetType(entry.Kind, valueType, first.Element, out supported);
            }

            valueTypes[dataset] = new DatasetValueType(valueType, first.Node.Name, first.Target);
            foreach (var reader in readers) // the first too: a dataset type of the project's own may hold string? where it reads string
            {
                var diagnostic = TypeCompatibility.Check(dataset, valueType, first.Node.Name, first.Target, reader.Node, reader.ParameterIndex, conversions);
                if (diagnostic is not null) diagnostics.Add(diagnostic);
            }

            if (datasetType is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.IncompatibleDatasetType, DiagnosticTarget.InFile(entry.KeyLocation),
                    dataset, entry.Kind, valueType.Name, supported).WithAdditional(first.Target));
                continue;
            }

            var property = Naming.ToPascalCase(dataset);
            for (var i = 2; !propertyNames.Add(property); i++) property = Naming.ToPascalCase(dataset) + i;
            Interpolations.CheckPlacement(dataset, entry.Entry, diagnostics);
            var runtimeValues = Interpolations.Scan(dataset, entry.Entry, globals, diagnostics)
                .Select(r => new RuntimeValueModel(r.Name, Naming.ToCamelCase(r.Name), r.HasDefault))
                .OrderBy(r => r.HasDefault)
                .ToEquatableArray();
            // The field follows the (unique) property: datasets such as "x.a.b_c" and "x_a.b_c" flatten to one name.
            typed[dataset] = new CatalogEntryModel(dataset, property, "_" + Naming.ToCamelCase(property).TrimStart('@'), entry.Kind, datasetType, valueType, entry.DeclaredAt, runtimeValues);
        }

        return typed;
    }

    /// <summary>The type of a partitioned entry's files: its <c>dataset</c> key, or that mapping's <c>type</c>.</summary>
    private static string? PartitionKind(YamlMapping entry) => entry["dataset"] switch
    {
        YamlScalar scalar => scalar.Value,
        YamlMapping mapping => (mapping["type"] as YamlScalar)?.Value,
        _ => null,
    };

    /// <summary>A node writing (<see cref="ParameterIndex"/> -1) or reading a catalog entry.</summary>
    private sealed record DatasetUse(TypeRef Type, RowTypeModel? Element, DiagnosticTarget Target, NodeModel Node, int ParameterIndex);

    private static void ReportDuplicateNames(IReadOnlyList<NodeModel> nodes, IReadOnlyList<PipelineDeclaration> pipelines, List<DiagnosticInfo> diagnostics)
    {
        foreach (var group in nodes.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            foreach (var node in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, DiagnosticTarget.Member(node.Id), "node", node.Name));
            }
        }

        foreach (var group in pipelines.GroupBy(PipelinePlanner.PipelineName).Where(g => g.Count() > 1))
        {
            foreach (var pipeline in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, DiagnosticTarget.Member(pipeline.Id), "pipeline", group.Key));
            }
        }
    }

    private static void ReportUnused(
        Dictionary<string, CatalogEntry> catalog, YamlMapping parameters, IReadOnlyList<NodeModel> nodes,
        IEnumerable<string> artifacts, List<DiagnosticInfo> diagnostics)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var usedParameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) used.Add(output.Dataset);
            foreach (var parameter in node.Parameters)
            {
                if (parameter.Kind == NodeParameterKind.Input) used.Add(parameter.Binding);
                if (parameter.Kind == NodeParameterKind.Parameter) usedParameters.Add(parameter.Binding.Split('.')[0]);
            }
        }

        foreach (var artifact in artifacts) used.Add(artifact);

        foreach (var entry in catalog.Values.Where(e => !used.Contains(e.Name)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.Unused, DiagnosticTarget.InFile(entry.KeyLocation), "Catalog entry", entry.Name));
        }

        foreach (var entry in parameters.Entries.Where(e => !usedParameters.Contains(e.Key)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.Unused, DiagnosticTarget.InFile(entry.KeyLocation), "Parameter", entry.Key));
        }
    }

    /// <summary>Whether <paramref name="location"/> is the key or inside the value of <paramref name="entry"/>.</summary>
    private static bool Within(FileLocation location, CatalogEntry entry) =>
        location.FilePath == entry.KeyLocation.FilePath &&
        location.Start >= entry.KeyLocation.Start && location.Start <= Math.Max(entry.KeyLocation.Start, entry.Entry.Location.Start + entry.Entry.Location.Length);

    /// <summary>The top-level entries of every file of <paramref name="kind"/>, in file-name order (Kedro's <c>parameters*</c> pattern).</summary>
    private static YamlMapping MergeRoots(IReadOnlyList<ConfigFileModel> files, ConfigFileKind kind)
    {
        var entries = new List<YamlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        FileLocation? location = null;
        foreach (var file in files.Where(f => f.Kind == kind && f.Content is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            location ??= file.Content!.Location;
            foreach (var entry in file.Content!.Entries)
            {
                if (seen.Add(entry.Key)) entries.Add(entry);
            }
        }

        return new YamlMapping(entries.ToEquatableArray(), location ?? new FileLocation("", 0, 0, 0, 0, 0, 0));
    }

    /// <summary>
    /// The key of a <c>[Param]</c> binding's access expression: the node method, the parameter and the path, since a
    /// modular pipeline binds the same parameter of the same method to other paths (<c>namespace.model_options</c>).
    /// </summary>
    public static (string, int) ParameterKey(NodeModel node, int index) => ParameterKey(node.Id, index, node.Parameters[index].Binding);

    private static (string, int) ParameterKey(string nodeId, int index, string path) => (nodeId + "|" + path, index);

    /// <summary>"conf/base/catalog.yml:3" from an absolute path: stable across machines, for generated comments.</summary>
    public static string RelativeDisplay(FileLocation location)
    {
        var path = location.FilePath.Replace('\\', '/');
        var index = path.LastIndexOf("/conf/", StringComparison.Ordinal);
        var relative = index >= 0 ? path.Substring(index + 1) : path;
        return $"{relative}:{location.Line + 1}";
    }
}
