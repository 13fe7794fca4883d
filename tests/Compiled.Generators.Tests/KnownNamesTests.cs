using Compiled.Generators.Parsing;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The generator reads the runtime's attributes by name (it cannot reference the runtime); here those names are checked
/// against the attributes themselves with <c>nameof</c>, so renaming an attribute or one of its arguments fails this
/// test instead of silently making the generator ignore it.
/// </summary>
public sealed class KnownNamesTests
{
    [Fact]
    public void AttributeMetadataNames_AreTheRuntimeAttributes()
    {
        Assert.Equal(KnownNames.NodeAttribute, typeof(NodeAttribute).FullName);
        Assert.Equal(KnownNames.InputAttribute, typeof(InputAttribute).FullName);
        Assert.Equal(KnownNames.ParamAttribute, typeof(ParamAttribute).FullName);
        Assert.Equal(KnownNames.PipelineAttribute, typeof(PipelineAttribute).FullName);
        Assert.Equal(KnownNames.IncludeAttribute, typeof(IncludeAttribute).FullName);
    }

    [Fact]
    public void NamedArguments_AreTheRuntimeAttributesProperties()
    {
        Assert.Equal(KnownNames.Node.Name, nameof(NodeAttribute.Name));
        Assert.Equal(KnownNames.Node.Output, nameof(NodeAttribute.Output));
        Assert.Equal(KnownNames.Node.Outputs, nameof(NodeAttribute.Outputs));
        Assert.Equal(KnownNames.Node.Tags, nameof(NodeAttribute.Tags));

        Assert.Equal(KnownNames.Pipeline.Name, nameof(PipelineAttribute.Name));
        Assert.Equal(KnownNames.Pipeline.Inputs, nameof(PipelineAttribute.Inputs));
        Assert.Equal(KnownNames.Pipeline.Artifacts, nameof(PipelineAttribute.Artifacts));

        Assert.Equal(KnownNames.Include.Namespace, nameof(IncludeAttribute.Namespace));
        Assert.Equal(KnownNames.Include.Inputs, nameof(IncludeAttribute.Inputs));
        Assert.Equal(KnownNames.Include.Outputs, nameof(IncludeAttribute.Outputs));
        Assert.Equal(KnownNames.Include.Parameters, nameof(IncludeAttribute.Parameters));
        Assert.Equal(KnownNames.Include.Tags, nameof(IncludeAttribute.Tags));
    }
}
