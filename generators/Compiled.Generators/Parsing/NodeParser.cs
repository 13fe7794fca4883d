using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Turns a <c>[Node]</c> method into a <see cref="NodeModel"/>. Shapes the generator cannot call
/// (generic, ref/out, instance methods, outputs that do not match the return type) are recorded as
/// CPL0008 diagnostics on the model; nothing here throws.
/// </summary>
internal static class NodeParser
{
    /// <summary>
    /// <c>public static Regressor DataScience.TrainModel(double[][] x, double[] y)</c>: types without namespaces,
    /// as a reader of the code sees them.
    /// </summary>
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeDefaultValue,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static NodeModel Parse(IMethodSymbol method, AttributeData attribute)
    {
        var id = SymbolNames.MemberId(method);
        var diagnostics = new List<DiagnosticInfo>();
        void Unsupported(string problem) => diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticIds.UnsupportedNode, DiagnosticTarget.Member(id), method.Name, problem));

        string? name = null, output = null;
        string[]? outputs = null, tags = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case KnownNames.Node.Name: name = argument.Value.Value as string; break;
                case KnownNames.Node.Output: output = argument.Value.Value as string; break;
                case KnownNames.Node.Outputs: outputs = Strings(argument.Value); break;
                case KnownNames.Node.Tags: tags = Strings(argument.Value); break;
            }
        }

        if (!method.IsStatic) Unsupported("node methods must be static");
        if (method.IsGenericMethod) Unsupported("node methods cannot be generic");
        if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)) Unsupported("node methods must be public or internal");
        if (method.ContainingType.TypeParameters.Length > 0 || method.ContainingType.ContainingType is { })
        {
            Unsupported("node methods must be declared in a non-generic, non-nested class");
        }

        var parameters = new List<NodeParameterModel>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None) Unsupported($"parameter '{parameter.Name}' is passed by reference");
            else if (CannotBeStored(parameter.Type)) Unsupported($"parameter '{parameter.Name}' is of type '{parameter.Type.ToDisplayString()}', which a pipeline cannot hold between nodes");
            parameters.Add(ParseParameter(parameter));
        }

        var (returnType, awaitKind) = Unwrap(method.ReturnType);
        if (returnType is not null && CannotBeStored(returnType))
        {
            Unsupported($"it returns '{returnType.ToDisplayString()}', which a pipeline cannot hold between nodes");
        }

        var outputModels = new List<NodeOutputModel>();
        NodeReturnKind returnKind;
        if (returnType is null)
        {
            returnKind = NodeReturnKind.Void;
            if (output is not null || outputs is { Length: > 0 }) Unsupported("it declares outputs but returns nothing");
        }
        else if (outputs is { Length: > 0 })
        {
            returnKind = NodeReturnKind.Tuple;
            if (output is not null) Unsupported("set either Output or Outputs, not both");
            if (returnType is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == outputs.Length)
            {
                for (var i = 0; i < outputs.Length; i++)
                {
                    var type = tuple.TupleElements[i].Type;
                    outputModels.Add(new NodeOutputModel(outputs[i], SymbolNames.TypeRef(type), SymbolNames.ArrayElement(type)));
                }
            }
            else
            {
                var arity = returnType is INamedTypeSymbol { IsTupleType: true } t ? t.TupleElements.Length : 1;
                Unsupported($"it declares {outputs.Length} outputs but returns {(arity == 1 ? "a single value" : $"a tuple of {arity}")}");
            }
        }
        else if (output is not null)
        {
            returnKind = NodeReturnKind.Single;
            outputModels.Add(new NodeOutputModel(output, SymbolNames.TypeRef(returnType), SymbolNames.ArrayElement(returnType)));
        }
        else
        {
            returnKind = NodeReturnKind.Single;
            Unsupported("it returns a value but declares no Output (or Outputs for a tuple)");
        }

        return new NodeModel(
            id,
            string.IsNullOrEmpty(name) ? Naming.ToSnakeCase(method.Name) : name!,
            SymbolNames.Type(method.ContainingType),
            method.Name,
            parameters.ToEquatableArray(),
            outputModels.ToEquatableArray(),
            returnKind,
            awaitKind,
            (tags ?? Array.Empty<string>()).ToEquatableArray(),
            diagnostics.ToEquatableArray())
        {
            Source = Source(method, id),
        };
    }

    /// <summary>The method's file, line and signature; null for a method without source (metadata).</summary>
    private static NodeSourceModel? Source(IMethodSymbol method, string id)
    {
        var location = method.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null) return null;
        var span = location.GetLineSpan();
        return new NodeSourceModel(id, span.Path, span.StartLinePosition.Line + 1, method.ToDisplayString(SignatureFormat));
    }

    private static NodeParameterModel ParseParameter(IParameterSymbol parameter)
    {
        var type = SymbolNames.TypeRef(parameter.Type);
        if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
        {
            return new NodeParameterModel(parameter.Name, NodeParameterKind.CancellationToken, "", type, null, null);
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            var attributeName = attribute.AttributeClass?.ToDisplayString();
            var value = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            if (attributeName == KnownNames.ParamAttribute)
            {
                return new NodeParameterModel(parameter.Name, NodeParameterKind.Parameter, value ?? "", type, null, TypeShapeReader.Read(parameter.Type));
            }

            if (attributeName == KnownNames.InputAttribute && value is not null)
            {
                return new NodeParameterModel(parameter.Name, NodeParameterKind.Input, value, type, SymbolNames.ArrayElement(parameter.Type), null);
            }
        }

        return new NodeParameterModel(parameter.Name, NodeParameterKind.Input, Naming.ToSnakeCase(parameter.Name), type, SymbolNames.ArrayElement(parameter.Type), null);
    }

    /// <summary>The awaited result type (null for void / Task / ValueTask) and how to await it.</summary>
    private static (ITypeSymbol? Type, AwaitKind Await) Unwrap(ITypeSymbol returnType)
    {
        if (returnType.SpecialType == SpecialType.System_Void) return (null, AwaitKind.None);
        var definition = returnType.OriginalDefinition.ToDisplayString();
        return definition switch
        {
            "System.Threading.Tasks.Task" => (null, AwaitKind.Task),
            "System.Threading.Tasks.ValueTask" => (null, AwaitKind.ValueTask),
            "System.Threading.Tasks.Task<TResult>" => (((INamedTypeSymbol)returnType).TypeArguments[0], AwaitKind.Task),
            "System.Threading.Tasks.ValueTask<TResult>" => (((INamedTypeSymbol)returnType).TypeArguments[0], AwaitKind.ValueTask),
            _ => (returnType, AwaitKind.None),
        };
    }

    private static string[]? Strings(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Array
            ? constant.Values.Select(v => v.Value as string ?? "").ToArray()
            : null;

    /// <summary>
    /// Whether a value of <paramref name="type"/> cannot live in a generated local, field or nullable property: pointers,
    /// function pointers and ref structs (which also cannot cross an <c>await</c>).
    /// </summary>
    private static bool CannotBeStored(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsRefLikeType;
}
