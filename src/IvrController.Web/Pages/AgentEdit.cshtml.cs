using IvrController.Admin;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// One agent as a form, new (no id) or existing: name, status (offline = out of callback and IVR routing) and
/// skill groups, saved through <see cref="AgentAdmin"/> (ivrctl agents add/update) which writes the audit entry in the
/// same transaction.
/// </summary>
public sealed class AgentEditModel(AgentAdmin agents, SkillGroupAdmin skillGroups) : EditPageModel
{
    public const string Active = "active";
    public const string Offline = "offline";

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The id typed for a new agent.</summary>
    [BindProperty]
    public string? NewId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public List<string> Groups { get; set; } = [];

    public IReadOnlyList<SkillGroupListing> AllSkillGroups { get; private set; } = [];

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AllSkillGroups = await skillGroups.ListAsync(cancellationToken);
        if (Id is null)
        {
            Status = Active;
            return Page();
        }

        if (await FindAsync(Id, cancellationToken) is not { } agent)
        {
            return NotFound();
        }

        (Name, Status, Groups) = (agent.Name, agent.Status, [.. agent.SkillGroups]);
        if (Request.Query.ContainsKey("saved"))
        {
            Outcome = ConsoleWords.Saved;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AllSkillGroups = await skillGroups.ListAsync(cancellationToken);
        if (!CanEdit)
        {
            RefuseReadOnly();
            return Page();
        }

        string name = (Name ?? "").Trim();
        string status = Status ?? "";
        string[] groups = [.. Groups.Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        try
        {
            if (Id is null)
            {
                string id = (NewId ?? "").Trim();
                await agents.AddAsync(id, name, status, groups, cancellationToken);
                return Redirect($"/agents/edit/{Uri.EscapeDataString(id)}?saved=1");
            }

            var change = new AgentChange { Name = new(name), Status = new(status), SkillGroups = new(groups) };
            await agents.UpdateAsync(Id, change, cancellationToken);
            Outcome = ConsoleWords.Saved;
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => FormField.KeyOf(problem, AgentFields.All));
        }

        return Page();
    }

    private async Task<AgentListing?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await agents.ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == id);
}
