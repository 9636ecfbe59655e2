using IvrController.Admin;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>One skill group as a form, new or existing: name and direction, through <see cref="SkillGroupAdmin"/> (ivrctl skill-groups).</summary>
public sealed class SkillGroupEditModel(SkillGroupAdmin skillGroups) : EditPageModel
{
    /// <summary>The stored directions, in the order the form offers them.</summary>
    public static readonly string[] Directions = ["outbound", "inbound", "both"];

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? NewId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Direction { get; set; }

    public bool IsNew => Id is null;

    public static Word DirectionWord(string direction) => direction switch
    {
        "outbound" => ConsoleWords.DirectionOutbound,
        "inbound" => ConsoleWords.DirectionInbound,
        _ => ConsoleWords.DirectionBoth,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            Direction = "outbound";
            return Page();
        }

        if (await FindAsync(Id, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        (Name, Direction) = (group.Name, group.Direction);
        if (Request.Query.ContainsKey("saved"))
        {
            Outcome = ConsoleWords.Saved;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            RefuseReadOnly();
            return Page();
        }

        string name = (Name ?? "").Trim();
        string direction = Direction ?? "";
        try
        {
            if (Id is null)
            {
                string id = (NewId ?? "").Trim();
                await skillGroups.AddAsync(id, name, direction, cancellationToken);
                return Redirect($"/skill-groups/edit/{Uri.EscapeDataString(id)}?saved=1");
            }

            await skillGroups.UpdateAsync(Id, new SkillGroupChange { Name = new(name), Direction = new(direction) }, cancellationToken);
            Outcome = ConsoleWords.Saved;
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => FormField.KeyOf(problem, SkillGroupFields.All));
        }

        return Page();
    }

    private async Task<SkillGroupListing?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await skillGroups.ListAsync(cancellationToken)).FirstOrDefault(g => g.Id == id);
}
