using IvrController.Web.Calls;
using IvrController.Web.Status;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// What the controller knows now (<see cref="ILiveView"/>) and whether the database answers; the page refills its
/// state from <c>/live?handler=state</c> (the same view as an HTML fragment) every few seconds.
/// </summary>
public sealed class LiveModel(ILiveView live, DatabaseProbe database) : PageModel
{
    public LiveReport Report { get; private set; } = new(DateTimeOffset.MinValue, false, false, null, [], []);

    public bool DatabaseUp { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);

    public async Task<IActionResult> OnGetStateAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return Partial("_LiveState", this);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Report = live.Read();
        DatabaseUp = await database.IsUpAsync(cancellationToken);
    }
}
