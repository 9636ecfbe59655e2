using IvrController.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Every agent with status and skill groups; admins add and edit from here.</summary>
public sealed class AgentsModel(AgentAdmin agents, SkillGroupAdmin skillGroups) : PageModel
{
    public IReadOnlyList<AgentListing> Agents { get; private set; } = [];

    public IReadOnlyDictionary<string, string> SkillGroupNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agents = await agents.ListAsync(cancellationToken);
        SkillGroupNames = (await skillGroups.ListAsync(cancellationToken)).ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal);
    }
}
