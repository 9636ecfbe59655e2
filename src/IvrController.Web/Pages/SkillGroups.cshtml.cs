using IvrController.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Every skill group with how many agents and numbers it has; admins add and edit from here.</summary>
public sealed class SkillGroupsModel(SkillGroupAdmin skillGroups) : PageModel
{
    public IReadOnlyList<SkillGroupListing> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await skillGroups.ListAsync(cancellationToken);
}
