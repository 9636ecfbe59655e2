using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>Ends the session (a form post, so another site cannot log anyone out).</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/settings");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
