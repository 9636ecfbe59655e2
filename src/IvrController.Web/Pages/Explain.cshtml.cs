using IvrController.Web.Calls;
using IvrController.Web.Language;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// ivrctl explain in a form, for admins and supervisors alike (it changes nothing): the controller answers through
/// <see cref="ICallExplainer"/>. The customer's number is posted, never put in a URL, and never written back into the form.
/// </summary>
public sealed class ExplainModel(ICallExplainer explainer, Admin.AgentAdmin agents, Admin.CallerNumberAdmin numbers) : PageModel
{
    public IReadOnlyList<Admin.AgentListing> Agents { get; private set; } = [];

    public IReadOnlyList<string> OurNumbers { get; private set; } = [];

    [BindProperty]
    public string? Agent { get; set; }

    [BindProperty]
    public string? Dialled { get; set; }

    [BindProperty]
    public string? OurNumber { get; set; }

    [BindProperty]
    public bool AssumeUnavailable { get; set; }

    public OutboundExplanation? Outbound { get; private set; }

    public CallbackExplanation? Callback { get; private set; }

    public string? OutboundError { get; private set; }

    public string? CallbackError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOutboundAsync([FromForm(Name = "customer")] string? customer, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Agent) || string.IsNullOrWhiteSpace(customer))
        {
            OutboundError = HttpContext.Say(Language.ConsoleWords.RequiredField);
            return Page();
        }

        try
        {
            Outbound = await explainer.ExplainOutboundAsync(Agent, customer, cancellationToken);
        }
        catch (ConsoleCallException e)
        {
            OutboundError = e.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCallbackAsync([FromForm(Name = "caller")] string? caller, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(caller) || string.IsNullOrWhiteSpace(OurNumber))
        {
            CallbackError = HttpContext.Say(Language.ConsoleWords.RequiredField);
            return Page();
        }

        try
        {
            Callback = await explainer.ExplainCallbackAsync(caller, OurNumber, AssumeUnavailable, cancellationToken);
        }
        catch (ConsoleCallException e)
        {
            CallbackError = e.Message;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agents = await agents.ListAsync(cancellationToken);
        OurNumbers = [.. (await numbers.ListAsync(cancellationToken)).Select(n => n.Number)];
    }
}
