using System.Globalization;
using System.Security.Claims;
using IvrController.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IvrController.Web.Security;

/// <summary>
/// What a session cookie carries (account, role, when its password was set) and the check on every request:
/// an account removed, given another role or another password since the login has no session any more.
/// </summary>
public static class ConsoleSession
{
    /// <summary>The policy that may change anything.</summary>
    public const string EditPolicy = "edit";

    private const string PasswordSetClaim = "ivr_password_set";

    public static string AdminRole => ConsoleRoles.Words.Word(ConsoleRole.Admin);

    public static ClaimsIdentity Identity(ConsoleAccount account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.Name),
                new Claim(ClaimTypes.Role, ConsoleRoles.Words.Word(account.Role)),
                new Claim(PasswordSetClaim, PasswordSet(account)),
            ],
            scheme);
    }

    public static bool CanEdit(this ClaimsPrincipal user) => user?.IsInRole(AdminRole) == true;

    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ClaimsPrincipal? user = context.Principal;
        ConsoleAccount? account = null;
        if (user?.Identity?.Name is { } name)
        {
            try
            {
                account = await context.HttpContext.RequestServices.GetRequiredService<ConsoleAccountAdmin>()
                    .FindAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Without the database no one can be checked, so no one is let in.
                account = null;
            }
        }

        bool stillValid = account is not null
            && user!.IsInRole(ConsoleRoles.Words.Word(account.Role))
            && user.FindFirstValue(PasswordSetClaim) == PasswordSet(account);
        if (!stillValid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    private static string PasswordSet(ConsoleAccount account) => account.PasswordChangedAt.Ticks.ToString(CultureInfo.InvariantCulture);
}
