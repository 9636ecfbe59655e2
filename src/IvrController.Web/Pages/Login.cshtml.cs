using System.Security.Claims;
using IvrController.Admin;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;

namespace IvrController.Web.Pages;

/// <summary>Name and password against console_accounts; posts are throttled per address.</summary>
[EnableRateLimiting(LoginThrottle.Policy)]
public sealed class LoginModel(ConsoleAccountAdmin accounts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Word? Failure { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ConsoleAccount? account;
        try
        {
            account = string.IsNullOrEmpty(Name) ? null : await accounts.FindAsync(Name, cancellationToken);
        }
        catch (NpgsqlException)
        {
            Failure = ConsoleWords.LoginUnavailable;
            return Page();
        }

        if (account is null || string.IsNullOrEmpty(Password) || !ConsolePasswords.Verify(account.Name, account.PasswordHash, Password, out string? rehash))
        {
            Failure = ConsoleWords.LoginFailed;
            return Page();
        }

        if (rehash is not null)
        {
            await accounts.RehashAsync(account.Name, account.PasswordHash, rehash, cancellationToken);
        }

        var identity = ConsoleSession.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/settings");
    }
}
