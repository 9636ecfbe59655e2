using IvrController.Admin;
using IvrController.Rules.Surveys;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Every survey template with its keys; admins add and edit from here.</summary>
public sealed class TemplatesModel(SurveyTemplateAdmin templates) : PageModel
{
    public IReadOnlyList<SurveyTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Templates = await templates.ListAsync(cancellationToken);
}
