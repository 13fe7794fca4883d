using System.Globalization;
using Shop.Orders;

// RootNamespace is Shop.Orders, not the assembly name: OrdersProject exists only if the package's
// build/Compiled.props made RootNamespace visible to the generator and conf/**/*.yml additional files.
var session = OrdersProject.CreateSession(new Compiled.SessionOptions { ProjectPath = args[0] });
var result = session.Orders.Run();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"order_summary: orders={result.OrderSummary.Orders} total={result.OrderSummary.Total:F2}"));
