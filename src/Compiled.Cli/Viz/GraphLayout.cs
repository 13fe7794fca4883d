using System.Globalization;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;

namespace Compiled.Cli.Viz;

/// <summary>A vertex's box in page coordinates (y down), top-left corner and size.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height);

/// <summary>A pipeline's flowchart with positions: a box per vertex (by id) and per modular pipeline (<c>ns:name</c>), an SVG path per arrow.</summary>
internal sealed record LaidOutGraph(VizGraph Graph, IReadOnlyDictionary<string, Box> Boxes, IReadOnlyList<string> EdgePaths, double Width, double Height);

/// <summary>
/// Lays a <see cref="VizGraph"/> out top to bottom with MSAGL's Sugiyama (layered) layout and spline edge routing, each
/// modular pipeline a cluster so that its vertices stay together.
/// MSAGL's y axis points up; the result is flipped into SVG's y-down page coordinates.
/// </summary>
internal static class GraphLayout
{
    /// <summary>Space around the drawing, in pixels.</summary>
    private const double Margin = 20;

    /// <summary>Width of a label character, in pixels (the page's 12px sans-serif font, generously).</summary>
    private const double CharacterWidth = 7.2;

    public static LaidOutGraph Layout(VizGraph graph)
    {
        // A constant in a native AOT publish: the compiler drops the rest, and MSAGL with it.
        if (!VizFeature.IsHtmlPageSupported) throw new NotSupportedException(VizFeature.NativeAotMessage);
        var geometry = new GeometryGraph();
        var vertices = new Dictionary<string, MsaglNode>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var (width, height) = Size(node);
            var vertex = new MsaglNode(CurveFactory.CreateRectangleWithRoundedCorners(width, height, 6, 6, new Point(0, 0)), node.Id);
            vertices.Add(node.Id, vertex);
            geometry.Nodes.Add(vertex);
        }

        // Each modular pipeline is an MSAGL cluster, laid out as a group (nested ones inside their parent).
        var clusters = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var ns in graph.Namespaces)
        {
            var cluster = new Cluster { UserData = ns, RectangularBoundary = new RectangularClusterBoundary { LeftMargin = 10, RightMargin = 10, TopMargin = 24, BottomMargin = 10 } };
            cluster.BoundaryCurve = CurveFactory.CreateRectangle(1, 1, new Point(0, 0));
            clusters.Add(ns, cluster);
            (VizGraph.ParentOf(ns) is { } parent ? clusters[parent] : geometry.RootCluster).AddChild(cluster);
        }

        foreach (var node in graph.Nodes)
        {
            var owner = node.Namespace is null ? geometry.RootCluster : clusters[node.Namespace];
            owner.AddChild(vertices[node.Id]);
        }

        var edges = new List<MsaglEdge>(graph.Edges.Count);
        foreach (var edge in graph.Edges)
        {
            var laidOut = new MsaglEdge(vertices[edge.Source], vertices[edge.Target]);
            edges.Add(laidOut);
            geometry.Edges.Add(laidOut);
        }

        // An arrow into or out of a modular pipeline also orders the groups it joins: MSAGL lays out each cluster's
        // children as a graph of their own, so it gets the arrow between the two children of the common parent
        // (a cluster or the vertex itself) as well. These order the layout and are not drawn.
        var ordering = new HashSet<(MsaglNode, MsaglNode)>();
        foreach (var edge in graph.Edges)
        {
            var (from, to) = Siblings(vertices[edge.Source], vertices[edge.Target], geometry.RootCluster);
            if (from is Cluster || to is Cluster) ordering.Add((from, to));
        }

        foreach (var (from, to) in ordering) geometry.Edges.Add(new MsaglEdge(from, to));

        if (geometry.Nodes.Count == 0) return new LaidOutGraph(graph, new Dictionary<string, Box>(), [], 2 * Margin, 2 * Margin);

        var settings = new SugiyamaLayoutSettings { NodeSeparation = 24, LayerSeparation = 48 };
        LayoutHelpers.CalculateLayout(geometry, settings, null);

        var bounds = geometry.BoundingBox;
        double X(double x) => x - bounds.Left + Margin;
        double Y(double y) => bounds.Top - y + Margin;
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var (id, vertex) in vertices)
        {
            var box = vertex.BoundingBox;
            boxes.Add(id, new Box(X(box.Left), Y(box.Top), box.Width, box.Height));
        }

        foreach (var (ns, cluster) in clusters)
        {
            var box = cluster.BoundingBox;
            boxes.Add("ns:" + ns, new Box(X(box.Left), Y(box.Top), box.Width, box.Height));
        }

        var paths = edges.Select(e => SvgPath(e.Curve, X, Y)).ToArray();
        return new LaidOutGraph(graph, boxes, paths, bounds.Width + 2 * Margin, bounds.Height + 2 * Margin);
    }

    /// <summary>The ancestors of <paramref name="a"/> and <paramref name="b"/> (or themselves) that are children of their lowest common cluster.</summary>
    private static (MsaglNode, MsaglNode) Siblings(MsaglNode a, MsaglNode b, Cluster root)
    {
        static List<MsaglNode> Chain(MsaglNode node, Cluster root)
        {
            var chain = new List<MsaglNode> { node };
            for (var parent = node.ClusterParent; parent is not null && parent != root; parent = parent.ClusterParent) chain.Insert(0, parent);
            return chain;
        }

        var chainA = Chain(a, root);
        var chainB = Chain(b, root);
        var common = 0;
        while (common < chainA.Count - 1 && common < chainB.Count - 1 && chainA[common] == chainB[common]) common++;
        return (chainA[common], chainB[common]);
    }

    private static (double Width, double Height) Size(VizNode node) => (Math.Max(80, node.Name.Length * CharacterWidth + 28), 30);

    /// <summary>An SVG path for an MSAGL curve: line and cubic Bézier segments (the Sugiyama splines are made of these).</summary>
    private static string SvgPath(ICurve? curve, Func<double, double> x, Func<double, double> y)
    {
        if (curve is null) return "";
        var path = new StringBuilder();
        string P(Point p) => string.Create(CultureInfo.InvariantCulture, $"{x(p.X):0.#},{y(p.Y):0.#}");
        path.Append('M').Append(P(curve.Start));
        var segments = curve is Curve composite ? composite.Segments : [curve];
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case CubicBezierSegment bezier:
                    path.Append(" C").Append(P(bezier.B(1))).Append(' ').Append(P(bezier.B(2))).Append(' ').Append(P(bezier.B(3)));
                    break;
                default:
                    // A line segment, or any other curve drawn as its chord.
                    path.Append(" L").Append(P(segment.End));
                    break;
            }
        }

        return path.ToString();
    }
}
