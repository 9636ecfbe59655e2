using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace IvrController.Rules.Ivr;

/// <summary>All IVR menus of a rule snapshot, by name.</summary>
public sealed class IvrMenuCatalog
{
    private readonly FrozenDictionary<string, IvrMenu> _byName;

    /// <exception cref="ArgumentException">Two menus have the same name.</exception>
    public IvrMenuCatalog(IEnumerable<IvrMenu> menus)
    {
        var byName = new Dictionary<string, IvrMenu>(StringComparer.Ordinal);
        foreach (IvrMenu menu in menus)
        {
            if (!byName.TryAdd(menu.Name, menu))
            {
                throw new ArgumentException($"Two IVR menus are named '{menu.Name}'.", nameof(menus));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Names = _byName.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    public static IvrMenuCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<IvrMenu> Menus => _byName.Values;

    public IReadOnlySet<string> Names { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out IvrMenu? menu) => _byName.TryGetValue(name, out menu);

    /// <summary>
    /// Every menu's own problems ("menu 'main': …"), and loops a caller who presses nothing would go round
    /// for ever: menus whose default actions lead from one to the next and back.
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlySet<string>? knownSkillGroups = null, IReadOnlySet<string>? knownAgents = null)
    {
        var errors = new List<string>();
        IReadOnlySet<string> names = Names;
        foreach (IvrMenu menu in _byName.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            foreach (string error in menu.Validate(names, knownSkillGroups, knownAgents))
            {
                errors.Add($"menu '{menu.Name}': {error}");
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in names.Order(StringComparer.Ordinal))
        {
            if (reported.Contains(start))
            {
                continue;
            }

            // Follow default actions without input; a menu met twice closes a loop.
            var path = new List<string> { start };
            string current = start;
            while (_byName.TryGetValue(current, out IvrMenu? menu) && menu.DefaultAction.Kind == IvrActionKind.Submenu)
            {
                current = menu.DefaultAction.Target!;
                int loopStart = path.IndexOf(current);
                if (loopStart >= 0)
                {
                    List<string> loop = path[loopStart..];
                    if (loop.Contains(start) && reported.Add(start))
                    {
                        reported.UnionWith(loop);
                        errors.Add($"menu '{start}': a caller who presses nothing goes round {string.Join(" → ", loop)} → {current} for ever; one default action in the loop must route or hang up");
                    }

                    break;
                }

                path.Add(current);
            }
        }

        return errors;
    }
}
