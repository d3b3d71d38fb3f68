using ArchUnitNET.Domain;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// Finds cycles between the namespaces right under a root (<c>Meterchat.Chats.Live</c> counts as <c>Chats</c>). ArchUnitNET's
/// slice rule in the version we use captures every segment with <c>(*)</c> (it slices Chats.Live apart from Chats), so the
/// slicing is ours; the dependencies are ArchUnitNET's (fields, signatures, calls, generic arguments, attributes).
/// </summary>
internal static class SliceCycles
{
    /// <summary>
    /// Each strongly connected group of two or more slices, with the type-to-type references that close it. The references
    /// of <paramref name="skippedTypes"/> (full names) are left out: a named, temporary exception.
    /// </summary>
    public static IReadOnlyList<string> Under(ArchUnitNET.Domain.Architecture code, string root, IReadOnlySet<string>? skippedTypes = null)
    {
        var edges = new SortedDictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var type in code.Types)
        {
            if (SliceOf(type, root) is not { } from || skippedTypes?.Contains(type.FullName) == true)
            {
                continue;
            }

            edges.TryAdd(from, new(StringComparer.Ordinal));
            foreach (var dependency in type.Dependencies)
            {
                // A type parameter is no reference to the namespace declaring it (ArchUnitNET can also attribute a method's
                // T to another method of the same name and shape).
                if (dependency.Target is { } target and not GenericParameter && SliceOf(target, root) is { } to && to != from)
                {
                    edges[from].TryAdd(to, new(StringComparer.Ordinal));
                    edges[from][to].Add($"{type.FullName} -> {target.FullName}");
                }
            }
        }

        return [.. Components(edges).Where(c => c.Count > 1).Select(c => Describe(c, edges))];
    }

    private static string? SliceOf(IType type, string root)
    {
        var name = type.Namespace?.FullName;
        if (name is null || !name.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static string Describe(IReadOnlyCollection<string> component, SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges)
    {
        var lines = new List<string> { "Cycle between " + string.Join(", ", component.Order(StringComparer.Ordinal)) + ":" };
        foreach (var from in component.Order(StringComparer.Ordinal))
        {
            foreach (var (to, references) in edges[from].Where(e => component.Contains(e.Key)))
            {
                lines.Add($"  {from} -> {to}: " + string.Join("; ", references.Take(5)) + (references.Count > 5 ? $"; … ({references.Count})" : ""));
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    // Tarjan's strongly connected components; the graph has a few dozen nodes, so recursion depth is no concern.
    private static List<HashSet<string>> Components(SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? [.. targets.Keys] : Array.Empty<string>())
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                result.Add(component);
            }
        }

        foreach (var node in edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }
}
