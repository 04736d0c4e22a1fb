using System;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// Marks a wire test with the OpenAPI <c>operationId</c> it covers. <c>Every_spec_operation_has_a_wire_test</c>
/// finds these by reflection, so an operation added to <c>openapi/monailabel.yaml</c> without a wire test fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class WireTestAttribute : Attribute
{
    public WireTestAttribute(string operationId)
    {
        OperationId = operationId;
    }

    public string OperationId { get; }
}
