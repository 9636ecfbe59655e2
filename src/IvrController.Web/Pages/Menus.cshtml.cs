using IvrController.Admin;
using IvrController.Rules.Ivr;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Every IVR menu with the numbers that play it; admins add, edit and remove from here.</summary>
public sealed class MenusModel(IvrMenuAdmin menus) : PageModel
{
    public IReadOnlyList<IvrMenu> Menus { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Numbers { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The menu just removed on the edit page, and the numbers it left without a menu.</summary>
    public string? Removed { get; private set; }

    public string? LeftWithoutMenu { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Menus = await menus.ListAsync(cancellationToken);
        Numbers = await menus.NumbersByMenuAsync(cancellationToken);
        Removed = Request.Query["removed"].FirstOrDefault();
        LeftWithoutMenu = Request.Query["left"].FirstOrDefault();
    }
}
