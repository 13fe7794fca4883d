using System.Text.Json;

namespace Compiled;

/// <summary>A named, typed value a pipeline takes or gives: a runtime input, a runtime value or an output.</summary>
/// <param name="Name">The dataset (or runtime value) name, as in the catalog; also its JSON property name in requests and responses.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="IsRequired">Whether a request must supply it (always false for outputs).</param>
public sealed record PipelineField(string Name, Type Type, bool IsRequired)
{
    /// <summary>
    /// <see cref="Name"/> as JSON, encoded once, when every encoder writes it as is (letters, digits, '_' and '-'); null
    /// otherwise, and the writer encodes the name with its own encoder.
    /// </summary>
    internal JsonEncodedText? EncodedName { get; } = JsonPath.IsPlain(Name) ? JsonEncodedText.Encode(Name) : null;

    /// <summary>The field <paramref name="name"/> of type <typeparamref name="T"/>; what generated contracts call.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="name">The dataset or runtime value name.</param>
    /// <param name="isRequired">Whether a request must supply it.</param>
    public static PipelineField Create<T>(string name, bool isRequired) => new(name, typeof(T), isRequired);
}
