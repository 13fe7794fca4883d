using System.ComponentModel;

namespace Compiled;

/// <summary>
/// What a transport can carry as typed values, asked of it by a <see cref="RemoteRunShape{TInputs, TOutputs, TResult}"/>
/// once per runtime input and output type: a generic question, so that generated code names each type without <c>typeof</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRemoteValueTypes
{
    /// <summary>Whether the transport's own serializer has a codec for <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A runtime input's or an output's type.</typeparam>
    bool CanCarry<T>();
}
