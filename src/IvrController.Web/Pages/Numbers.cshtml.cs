using IvrController.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Our caller numbers with region, caps, menu and skill groups (ours, so shown in full); admins add and edit from here.</summary>
public sealed class NumbersModel(CallerNumberAdmin numbers) : PageModel
{
    public IReadOnlyList<CallerNumberListing> Numbers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Numbers = await numbers.ListAsync(cancellationToken);
}
