using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Ivr;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// One of our numbers as a form, new or existing: region, enabled, caps, IVR menu, skill groups; saved through
/// <see cref="CallerNumberAdmin"/> (ivrctl numbers add/update) with the audit entry in the same transaction.
/// </summary>
public sealed class NumberEditModel(CallerNumberAdmin numbers, SkillGroupAdmin skillGroups, IvrMenuAdmin menus) : EditPageModel
{
    /// <summary>The number being edited (E.164, from the query); null for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Existing { get; set; }

    [BindProperty]
    public string? NewNumber { get; set; }

    [BindProperty]
    public string? Province { get; set; }

    [BindProperty]
    public string? City { get; set; }

    [BindProperty]
    public string? Enabled { get; set; }

    [BindProperty]
    public string? MaxConcurrent { get; set; }

    [BindProperty]
    public string? DailyCap { get; set; }

    [BindProperty]
    public string? Menu { get; set; }

    [BindProperty]
    public List<string> Groups { get; set; } = [];

    public IReadOnlyList<SkillGroupListing> AllSkillGroups { get; private set; } = [];

    public IReadOnlyList<IvrMenu> AllMenus { get; private set; } = [];

    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (Existing is null)
        {
            Enabled = "on";
            return Page();
        }

        if (await FindAsync(Existing, cancellationToken) is not { } number)
        {
            return NotFound();
        }

        Province = number.Province;
        City = number.City;
        Enabled = number.Enabled ? "on" : "off";
        MaxConcurrent = number.MaxConcurrent?.ToString(CultureInfo.InvariantCulture);
        DailyCap = number.DailyCap?.ToString(CultureInfo.InvariantCulture);
        Menu = number.IvrMenu;
        Groups = [.. number.SkillGroups];
        if (Request.Query.ContainsKey("saved"))
        {
            Outcome = ConsoleWords.Saved;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!CanEdit)
        {
            RefuseReadOnly();
            return Page();
        }

        int? maxConcurrent = Limit(MaxConcurrent, NumberFields.MaxConcurrent);
        int? dailyCap = Limit(DailyCap, NumberFields.DailyCap);
        if (Errors.Count > 0)
        {
            Refuse(ConsoleWords.NotSaved);
            return Page();
        }

        string? province = Blank(Province);
        string? city = Blank(City);
        string? menu = Blank(Menu);
        string[] groups = [.. Groups.Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        bool enabled = Enabled != "off";
        try
        {
            if (Existing is null)
            {
                var setup = new CallerNumberSetup((NewNumber ?? "").Trim())
                {
                    Province = province,
                    City = city,
                    Enabled = enabled,
                    MaxConcurrent = maxConcurrent,
                    DailyCap = dailyCap,
                    IvrMenu = menu,
                    SkillGroups = groups,
                };
                var added = await numbers.AddAsync(setup, cancellationToken);
                return Redirect($"/numbers/edit?number={Uri.EscapeDataString(added.E164)}&saved=1");
            }

            var change = new CallerNumberChange
            {
                Province = new(province),
                City = new(city),
                Enabled = new(enabled),
                MaxConcurrent = new(maxConcurrent),
                DailyCap = new(dailyCap),
                IvrMenu = new(menu),
                SkillGroups = new(groups),
            };
            await numbers.UpdateAsync(Existing, change, cancellationToken);
            Outcome = ConsoleWords.Saved;
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => FormField.KeyOf(problem, NumberFields.All));
        }

        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        AllSkillGroups = await skillGroups.ListAsync(cancellationToken);
        AllMenus = await menus.ListAsync(cancellationToken);
    }

    private async Task<CallerNumberListing?> FindAsync(string number, CancellationToken cancellationToken) =>
        (await numbers.ListAsync(cancellationToken)).FirstOrDefault(n => n.Number == number);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private int? Limit(string? text, FormField field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int limit))
        {
            return limit;
        }

        AddError(field.Key, HttpContext.Say(ConsoleWords.NotWholeNumber));
        return null;
    }

}
