using IvrController.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>The latest changes made through the console and ivrctl admins; admins and supervisors both read it.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.LatestAsync(Shown, cancellationToken);
}
