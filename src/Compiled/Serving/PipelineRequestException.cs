namespace Compiled;

/// <summary>
/// A request to run a pipeline is malformed: its body is not JSON, a runtime input is missing, unknown,
/// given twice or not a value of its type, or a required runtime value is missing. Nothing ran.
/// A host answers it with 400 Bad Request naming <see cref="Field"/>.
/// </summary>
public sealed class PipelineRequestException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    /// <param name="field">Where the problem is, as a JSON path into the body (<c>$.features.engines</c>, <c>$</c> for the body itself) or the name of a runtime value.</param>
    /// <param name="message">What is wrong, starting with <paramref name="field"/>.</param>
    /// <param name="innerException">The serializer's exception, if any.</param>
    public PipelineRequestException(string field, string message, Exception? innerException = null)
        : base(message, innerException) => Field = field;

    /// <summary>Where the problem is: a JSON path into the body such as <c>$.features.engines</c>, or a runtime value's name.</summary>
    public string Field { get; }
}
