using Xunit.Abstractions;
using Xunit.Sdk;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>The order of a test in a class that shares one expensive cluster (the last one kills a silo).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

/// <summary>Runs a class's tests in the order of their <see cref="StepAttribute"/>.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string TypeName = "Compiled.Cluster.Tests.Infrastructure.StepOrderer";

    public const string AssemblyName = "Compiled.Cluster.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(a => a.GetNamedArgument<int>(nameof(StepAttribute.Order)))
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
