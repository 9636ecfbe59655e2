using System.Globalization;
using System.Text;
using IvrController.Admin;
using IvrController.Rules.Numbers;
using IvrController.Store.Rows;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// The customer-ID table (numbers masked) and its CSV import through <see cref="CustomerIdAdmin"/>, the path
/// of ivrctl customers import: all or nothing, every bad line listed.
/// </summary>
public sealed class CustomersModel(CustomerIdAdmin customers) : PageModel
{
    public const int Shown = 50;

    /// <summary>The most bad lines listed; the rest are counted (as ivrctl does).</summary>
    public const int MaxErrorsShown = 50;

    [BindProperty]
    public IFormFile? Csv { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public ListPage<CustomerIdRow> Rows { get; private set; } = new([], 0);

    public string? Summary { get; private set; }

    public IReadOnlyList<ImportLineError> LineErrors { get; private set; } = [];

    public Word? Outcome { get; private set; }

    public bool Refused { get; private set; }

    public bool CanEdit => User.CanEdit();

    public static string Masked(string e164) =>
        ChineseNumberNormalizer.Default.TryNormalize(e164, out PhoneNumber? number, out _) ? NumberMask.Mask(number) : NumberMask.MaskRaw(e164);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await customers.ListAsync(Shown, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            Rows = await customers.ListAsync(Shown, cancellationToken);
            Refused = true;
            Outcome = ConsoleWords.RefusedReadOnly;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (Csv is null || Csv.Length == 0)
        {
            Refused = true;
            Outcome = ConsoleWords.NoFile;
        }
        else
        {
            ImportResult result;
            using (var reader = new StreamReader(Csv.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                result = await customers.ImportAsync(reader, Csv.FileName, Replace, cancellationToken);
            }

            if (result.IsImported)
            {
                Outcome = ConsoleWords.Imported;
                Summary = string.Format(CultureInfo.InvariantCulture, HttpContext.Say(ConsoleWords.Imported), result.Rows, result.Added, result.Changed, result.Removed);
            }
            else
            {
                Refused = true;
                Outcome = ConsoleWords.NotImported;
                LineErrors = result.Errors;
            }
        }

        Rows = await customers.ListAsync(Shown, cancellationToken);
        return Page();
    }
}
