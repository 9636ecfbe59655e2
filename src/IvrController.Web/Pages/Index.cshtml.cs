using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>The console's front door is the settings page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/settings");
}
