using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Settings;
using IvrController.Store.Calls;
using IvrController.Web.Calls;
using IvrController.Web.Language;
using IvrController.Web.Reports;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// Calls (outbound, callbacks, IVR; each with the switch it ran on), survey results (averages, a chart, low ratings
/// to follow up) and missed callbacks (click-to-call for admins), each as a table and as CSV. Customers are shown
/// masked, or by customer ID in customer-ID mode: the page and the CSV never carry a full number. Click-to-call posts
/// the missed callback's id; the number goes from the database to the switch without passing the browser.
/// </summary>
public sealed class ReportsModel(
    CallReports reports, SurveyFollowUps followUps, SettingsAdmin settings, AgentAdmin agents, IClickToCall clickToCall, CallCentreDay day) : PageModel
{
    public const int Shown = 500;
    public const int CsvLimit = 10_000;

    private readonly TimeProvider _time = TimeProvider.System;

    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "calls";

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    [BindProperty(SupportsGet = true)]
    public string? Agent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<AgentListing> Agents { get; private set; } = [];

    public IReadOnlyList<CallHistoryRow> Calls { get; private set; } = [];

    public IReadOnlyList<SurveyHistoryRow> Surveys { get; private set; } = [];

    public SurveyAverages Averages { get; private set; } = new([], []);

    public IReadOnlyList<MissedCallbackRow> Missed { get; private set; } = [];

    public string? Problem { get; private set; }

    public Word? Notice { get; private set; }

    public string? NoticeDetail { get; private set; }

    public bool NoticeBad { get; private set; }

    public bool CanEdit => User.CanEdit();

    private bool _customerIdMode;

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0}s") : "";

    /// <summary>What the page and the CSV show for a customer: the customer ID in customer-ID mode when there is one, else the mask.</summary>
    public string Customer(string number, string? customerId) =>
        _customerIdMode && customerId is not null ? customerId : NumberMask.MaskText(number);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(Shown, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(CsvLimit, cancellationToken))
        {
            return BadRequest(Problem ?? "");
        }

        var csv = new CsvText();
        switch (View)
        {
            case "surveys":
                csv.Row("started_utc", "template", "agent", "customer", "outcome", "key", "label", "score", "low_rating", "follow_up_by", "follow_up_at_utc");
                foreach (SurveyHistoryRow r in Surveys)
                {
                    csv.Row(Time(r.StartedAt), r.TemplateName, r.AgentId, Customer(r.CustomerNumber, r.CustomerId), r.Outcome, r.Digit, r.Label,
                        r.Score?.ToString(CultureInfo.InvariantCulture), r.NeedsFollowUp ? "yes" : "no", r.FollowUpDoneBy, r.FollowUpDoneAt is { } at ? Time(at) : null);
                }

                break;
            case "missed":
                csv.Row("at_utc", "agent", "customer", "dialled");
                foreach (MissedCallbackRow r in Missed)
                {
                    csv.Row(Time(r.At), r.AgentId, Customer(r.CustomerNumber, r.CustomerId), r.CalledNumber);
                }

                break;
            default:
                // The switch comes last, so a sheet that reads the columns by position still finds the others where they were.
                csv.Row("started_utc", "kind", "agent", "customer", "our_number", "outcome", "duration_s", "switch");
                foreach (CallHistoryRow r in Calls)
                {
                    csv.Row(Time(r.StartedAt), r.Kind, r.AgentId, Customer(r.CustomerNumber, r.CustomerId), r.OurNumber, r.Outcome,
                        r.DurationSeconds?.ToString("0", CultureInfo.InvariantCulture), r.SwitchName);
                }

                break;
        }

        string name = string.Create(CultureInfo.InvariantCulture, $"{View}-{day.DayOf(_time.GetUtcNow()):yyyy-MM-dd}-{Days}d.csv");
        return File(csv.ToBytes(), "text/csv; charset=utf-8", name);
    }

    /// <summary>Marks a low rating's follow-up done; supervisors may (it is their work), and the audit log says who.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(long survey, CancellationToken cancellationToken)
    {
        View = "surveys";
        try
        {
            await followUps.MarkDoneAsync(survey, User.Identity!.Name!, cancellationToken);
            Notice = ConsoleWords.MarkedDone;
        }
        catch (RuleEditException e)
        {
            (Notice, NoticeDetail, NoticeBad) = (null, e.Message, true);
        }

        await LoadAsync(Shown, cancellationToken);
        return Page();
    }

    /// <summary>Click-to-call for a missed callback: admins only.</summary>
    public async Task<IActionResult> OnPostCallBackAsync(long missed, CancellationToken cancellationToken)
    {
        View = "missed";
        if (!CanEdit)
        {
            await LoadAsync(Shown, cancellationToken);
            (Notice, NoticeBad) = (ConsoleWords.RefusedReadOnly, true);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        MissedCallbackRow? row = await reports.MissedCallbackAsync(missed, cancellationToken);
        if (row is null)
        {
            (Notice, NoticeBad) = (ConsoleWords.NoSuchMissedCallback, true);
        }
        else
        {
            try
            {
                NoticeDetail = await clickToCall.CallAsync(row.AgentId, row.CustomerNumber, cancellationToken);
                Notice = ConsoleWords.CallBackStarted;
            }
            catch (ConsoleCallException e)
            {
                (Notice, NoticeDetail, NoticeBad) = (ConsoleWords.CallBackFailed, e.Message, true);
            }
        }

        await LoadAsync(Shown, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int limit, CancellationToken cancellationToken)
    {
        View = View is "surveys" or "missed" ? View : "calls";
        Kind = Kind is "outbound" or "callback" or "ivr" ? Kind : null;
        Agent = string.IsNullOrWhiteSpace(Agent) ? null : Agent.Trim();
        Agents = await agents.ListAsync(cancellationToken);
        _customerIdMode = (await settings.GetAsync(cancellationToken)).Settings.NumberProtection == NumberProtectionMode.CustomerId;
        bool valid = Days is >= 1 and <= 366;
        if (!valid)
        {
            Problem = HttpContext.Say(ConsoleWords.BadDays);
            Days = 7;
        }

        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset from = day.StartOfDay(now).AddDays(-(Days - 1));
        DateTimeOffset to = now.AddMinutes(1);
        switch (View)
        {
            case "surveys":
                Surveys = await reports.SurveysAsync(from, to, Agent, limit, cancellationToken);
                Averages = SurveyAverages.Of(Surveys, day);
                break;
            case "missed":
                Missed = await reports.MissedCallbacksAsync(from, to, Agent, limit, cancellationToken);
                break;
            default:
                Calls = await reports.CallsAsync(from, to, Kind, Agent, limit, cancellationToken);
                break;
        }

        return valid;
    }
}
