using System.Globalization;
using System.Text;
using IvrController.Admin;
using IvrController.Store.Rows;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// The region table (prefix → province/city), found by prefix, and its CSV import through
/// <see cref="NumberRegionAdmin"/>, the path of ivrctl regions import: all or nothing, every bad line listed.
/// </summary>
public sealed class RegionsModel(NumberRegionAdmin regions) : PageModel
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)]
    public string? Prefix { get; set; }

    [BindProperty]
    public IFormFile? Csv { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public ListPage<NumberRegionRow> Rows { get; private set; } = new([], 0);

    public string? Summary { get; private set; }

    public IReadOnlyList<ImportLineError> LineErrors { get; private set; } = [];

    public Word? Outcome { get; private set; }

    public bool Refused { get; private set; }

    public bool CanEdit => User.CanEdit();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await regions.ListAsync(Blank(Prefix), Shown, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            Refused = true;
            Outcome = ConsoleWords.RefusedReadOnly;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else if (Csv is null || Csv.Length == 0)
        {
            Refused = true;
            Outcome = ConsoleWords.NoFile;
        }
        else
        {
            ImportResult result;
            using (var reader = new StreamReader(Csv.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                result = await regions.ImportAsync(reader, Csv.FileName, Replace, cancellationToken);
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

        Rows = await regions.ListAsync(null, Shown, cancellationToken);
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
