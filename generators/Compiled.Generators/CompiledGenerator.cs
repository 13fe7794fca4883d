using System.Collections.Immutable;
using Compiled.Generators.Building;
using Compiled.Generators.Emit;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Generators;

/// <summary>
/// Turns a project's <c>[Node]</c> methods, <c>[Pipeline]</c> classes and <c>conf/base</c> YAML into
/// a typed catalog, typed parameters, a session and a <c>Run</c> per pipeline. Parse → model → emit;
/// it reports nothing (the analyzers do) and never throws on bad input.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CompiledGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => ReadConfigFile(text, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.ConfigFiles)
            .Collect();

        // Catalog types that name the project's own datasets: resolved against the compilation, an equatable result.
        var datasetTypes = files.Combine(context.CompilationProvider)
            .Select(static (pair, _) => UserDatasetTypeReader.Read(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.DatasetTypes);

        var nodes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.NodeAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, _) => NodeParser.Parse((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes[0]))
            .WithTrackingName(TrackingNames.Nodes)
            .Collect();

        var pipelines = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PipelineAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, _) => PipelineParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0]))
            .WithTrackingName(TrackingNames.Pipelines)
            .Collect();

        // Which of the types the nodes exchange convert to which: the pairs to ask come from the nodes alone, the answers from
        // the compilation (a step that re-runs per edit but has nothing to do while every dataset has one type).
        var conversions = nodes.Combine(pipelines)
            .Select(static (pair, _) => TypeCompatibility.Questions(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.TypeQuestions)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => TypeConversionReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.TypeConversions);

        var info = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Select(static (pair, _) => ProjectInfoReader.Read(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.ProjectInfo);

        var project = info.Combine(files).Combine(nodes).Combine(pipelines).Combine(datasetTypes).Combine(conversions)
            .Select(static (input, _) => Build(ProjectInputs.From(input)))
            .WithTrackingName(TrackingNames.Project);

        // What the emitters read, without diagnostics (the analyzers report them): the project-wide files from one value, and
        // each pipeline's files from a value of its own, so that an edit regenerates only what it changes.
        var session = project
            .Select(static (model, _) => SessionOutputModel.From(model))
            .WithTrackingName(TrackingNames.SessionOutput);
        var pipelineOutputs = project
            .SelectMany(static (model, _) => PipelineOutputModel.From(model))
            .WithTrackingName(TrackingNames.PipelineOutputs);

        context.RegisterSourceOutput(session, static (spc, model) => EmitSession(spc, model));
        context.RegisterSourceOutput(pipelineOutputs, static (spc, model) => EmitPipeline(spc, model));
    }

    private static ConfigFileModel? ReadConfigFile(AdditionalText text, CancellationToken cancellationToken)
    {
        var kind = YamlParser.Classify(text.Path);
        if (kind is null) return null;
        var content = text.GetText(cancellationToken) ?? SourceText.From("");
        return YamlParser.Parse(text.Path, kind.Value, content);
    }

    private static ProjectModel Build(ProjectInputs input) =>
        ProjectBuilder.Build(input.Info, input.Files, input.Nodes, input.Pipelines, input.DatasetTypes.ToList(), input.Conversions);

    private static void EmitSession(SourceProductionContext context, SessionOutputModel project)
    {
        // A project with nothing to compile (no pipeline, no catalog entry, no parameter, no problem) gets no session: a web
        // project that references a Compiled project receives this generator with the package, and must not grow an empty
        // {Project}Session beside the one it uses.
        if (project.IsEmpty) return;
        var name = project.Info.ProjectName;
        context.AddSource($"{name}Catalog.g.cs", CatalogEmitter.Emit(project));
        context.AddSource($"{name}Parameters.g.cs", ParametersEmitter.Emit(project));
        context.AddSource($"{name}Session.g.cs", SessionEmitter.Emit(project));
        context.AddSource($"{name}Session.Pipelines.g.cs", PipelineStepsEmitter.EmitSession(project));
        context.AddSource($"{name}Session.Contract.g.cs", ContractEmitter.EmitSession(project));
        // Every pipeline's serving contract reads a remote run's parameters record through these members.
        context.AddSource($"{name}Parameters.Remote.g.cs", RemoteParametersEmitter.Emit(project));
    }

    private static void EmitPipeline(SourceProductionContext context, PipelineOutputModel pipeline)
    {
        var hint = pipeline.HintName;
        context.AddSource($"{hint}.g.cs", PipelineEmitter.Emit(pipeline));
        context.AddSource($"{hint}.Steps.g.cs", PipelineStepsEmitter.Emit(pipeline));
        context.AddSource($"{hint}.Contract.g.cs", ContractEmitter.EmitPipeline(pipeline));
        if (RemoteEmitter.CanRunRemotely(pipeline.Pipeline)) context.AddSource($"{hint}.Remote.g.cs", RemoteEmitter.Emit(pipeline));
    }

    /// <summary>The inputs of the project step, named (the combined providers nest as pairs).</summary>
    private sealed record ProjectInputs(
        ProjectInfo Info,
        ImmutableArray<ConfigFileModel> Files,
        ImmutableArray<NodeModel> Nodes,
        ImmutableArray<PipelineDeclaration> Pipelines,
        EquatableArray<UserDatasetType> DatasetTypes,
        TypeConversions Conversions)
    {
        public static ProjectInputs From(
            (((((ProjectInfo, ImmutableArray<ConfigFileModel>), ImmutableArray<NodeModel>), ImmutableArray<PipelineDeclaration>), EquatableArray<UserDatasetType>), TypeConversions) input)
        {
            var (((((info, files), nodes), pipelines), datasetTypes), conversions) = input;
            return new ProjectInputs(info, files, nodes, pipelines, datasetTypes, conversions);
        }
    }
}
