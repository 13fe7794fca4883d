using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// Calls into an assembly the test compiled in memory. Test code may use reflection; the generated
/// code it calls may not (see NoReflectionTests).
/// </summary>
internal static class ReflectionCalls
{
    /// <summary>
    /// Calls the public instance or static method <paramref name="name"/> with the named arguments;
    /// parameters not named get their default value. Rethrows what the method threw, unwrapped.
    /// </summary>
    public static object? Call(this object target, string name, params (string Name, object? Value)[] arguments) =>
        Call(target.GetType(), target, name, arguments);

    public static object? CallStatic(this Type type, string name, params (string Name, object? Value)[] arguments) =>
        Call(type, null, name, arguments);

    /// <summary>The value of the public property <paramref name="name"/>.</summary>
    public static object? Get(this object target, string name) =>
        (target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException(target.GetType().FullName, name)).GetValue(target);

    /// <summary>Awaits a boxed <c>ValueTask&lt;T&gt;</c> (or <c>Task&lt;T&gt;</c>) and returns its result.</summary>
    public static async Task<object?> AwaitResult(object? awaitable)
    {
        ArgumentNullException.ThrowIfNull(awaitable);
        var task = awaitable as Task ?? (Task)awaitable.GetType().GetMethod("AsTask")!.Invoke(awaitable, null)!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static object? Call(Type type, object? target, string name, (string Name, object? Value)[] arguments)
    {
        var flags = BindingFlags.Public | (target is null ? BindingFlags.Static : BindingFlags.Instance);
        var method = type.GetMethods(flags).SingleOrDefault(m => m.Name == name)
            ?? throw new MissingMethodException(type.FullName, name);
        var parameters = method.GetParameters();
        foreach (var argument in arguments)
        {
            if (parameters.All(p => p.Name != argument.Name))
            {
                throw new ArgumentException($"{type.Name}.{name} has no parameter '{argument.Name}'; it has {string.Join(", ", parameters.Select(p => p.Name))}.");
            }
        }

        var values = parameters.Select(p =>
        {
            foreach (var argument in arguments)
            {
                if (argument.Name == p.Name) return argument.Value;
            }

            if (!p.HasDefaultValue) throw new ArgumentException($"{type.Name}.{name} needs an argument for '{p.Name}'.");
            return p.DefaultValue;
        }).ToArray();

        try
        {
            return method.Invoke(target, values);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
