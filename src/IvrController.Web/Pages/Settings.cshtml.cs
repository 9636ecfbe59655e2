using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Callback;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;
using IvrController.Web.Language;
using IvrController.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IvrController.Web.Pages;

/// <summary>
/// 电话客服设置: the settings row as one form. Saving sends only what differs from the row as it stands
/// through <see cref="SettingsAdmin"/> (ivrctl settings set's own path), with the audit entry in the same
/// transaction; refusals are the admin layer's sentences, each next to the field it names.
/// </summary>
public sealed class SettingsModel(SettingsAdmin settings, SurveyTemplateAdmin templates) : EditPageModel
{
    public const string None = "none";

    [BindProperty]
    public string? CallerIdRule { get; set; }

    [BindProperty]
    public string? CandidatePick { get; set; }

    [BindProperty]
    public string? Protection { get; set; }

    [BindProperty]
    public string? Callback { get; set; }

    [BindProperty]
    public string? CallbackMode { get; set; }

    [BindProperty]
    public string? CallbackWindowHours { get; set; }

    [BindProperty]
    public string? CallbackRingTimeoutSeconds { get; set; }

    [BindProperty]
    public string? OutboundSurvey { get; set; }

    [BindProperty]
    public string? InboundSurvey { get; set; }

    public SettingsView? Current { get; private set; }

    public IReadOnlyList<SurveyTemplate> Templates { get; private set; } = [];

    public IReadOnlyList<(SettingsField Field, string Before, string After)> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Fill(Current!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanEdit)
        {
            Fill(Current!);
            RefuseReadOnly();
            return Page();
        }

        SettingsChange change = Read(Current!);
        if (Errors.Count > 0)
        {
            Refuse(ConsoleWords.NotSaved);
            return Page();
        }

        if (change.IsEmpty)
        {
            Outcome = ConsoleWords.NothingChanged;
            return Page();
        }

        try
        {
            SettingsUpdate update = await settings.UpdateAsync(change, cancellationToken);
            Current = update.After;
            Changes = SettingsField.Differences(update.Before, update.After);
            Outcome = ConsoleWords.Saved;
            Fill(Current);
        }
        catch (RuleEditException refusal)
        {
            Refuse(refusal, ConsoleWords.NotSaved, problem => SettingsField.Named(problem)?.Key ?? "");
        }

        return Page();
    }

    public IEnumerable<SurveyTemplate> TemplatesFor(SurveyDirection direction) => Templates.Where(t => t.Direction == direction);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await settings.GetAsync(cancellationToken);
        Templates = await templates.ListAsync(cancellationToken);
    }

    private void Fill(SettingsView view)
    {
        var s = view.Settings;
        CallerIdRule = RuleWords.CallerIdRules.Word(s.CallerIdRule);
        CandidatePick = RuleWords.CandidatePicks.Word(s.CandidatePick);
        Protection = RuleWords.ProtectionModes.Word(s.NumberProtection);
        Callback = s.Callback.Enabled ? "on" : "off";
        CallbackMode = ((int)s.Callback.Mode).ToString(CultureInfo.InvariantCulture);
        CallbackWindowHours = s.Callback.Window.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        CallbackRingTimeoutSeconds = s.Callback.RingTimeout.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture);
        OutboundSurvey = s.OutboundSurveyTemplateId ?? None;
        InboundSurvey = s.InboundSurveyTemplateId ?? None;
    }

    /// <summary>The form as a change: only what differs from <paramref name="current"/>; unreadable fields become errors.</summary>
    private SettingsChange Read(SettingsView current)
    {
        var s = current.Settings;
        CallerIdRule? rule = Choice(RuleWords.CallerIdRules, CallerIdRule, SettingsField.CallerIdRule);
        CandidatePick? pick = Choice(RuleWords.CandidatePicks, CandidatePick, SettingsField.CandidatePick);
        NumberProtectionMode? protection = Choice(RuleWords.ProtectionModes, Protection, SettingsField.Protection);
        bool? enabled = Callback switch
        {
            "on" => true,
            "off" => false,
            _ => NotAChoice<bool>(SettingsField.Callback),
        };
        CallbackMode? mode = CallbackMode switch
        {
            "1" => Rules.Callback.CallbackMode.OriginalAgentOnly,
            "2" => Rules.Callback.CallbackMode.OriginalAgentFirst,
            _ => NotAChoice<CallbackMode>(SettingsField.CallbackMode),
        };
        TimeSpan? window = WholeNumber(CallbackWindowHours, SettingsField.CallbackWindow) is { } hours ? TimeSpan.FromHours(hours) : null;
        TimeSpan? ring = WholeNumber(CallbackRingTimeoutSeconds, SettingsField.CallbackRingTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

        return new SettingsChange
        {
            CallerIdRule = Differing(rule, s.CallerIdRule),
            CandidatePick = Differing(pick, s.CandidatePick),
            NumberProtection = Differing(protection, s.NumberProtection),
            CallbackEnabled = Differing(enabled, s.Callback.Enabled),
            CallbackMode = Differing(mode, s.Callback.Mode),
            CallbackWindow = Differing(window, s.Callback.Window),
            CallbackRingTimeout = Differing(ring, s.Callback.RingTimeout),
            OutboundSurvey = Survey(OutboundSurvey, s.OutboundSurveyTemplateId),
            InboundSurvey = Survey(InboundSurvey, s.InboundSurveyTemplateId),
        };
    }

    private static T? Differing<T>(T? asked, T current)
        where T : struct => asked is { } value && !EqualityComparer<T>.Default.Equals(value, current) ? value : null;

    private static SurveyChoice? Survey(string? asked, string? current) => (asked ?? None) switch
    {
        var same when same == (current ?? None) => null,
        None => SurveyChoice.Off,
        var other when string.IsNullOrWhiteSpace(other) => SurveyChoice.Off,
        var other => SurveyChoice.Of(other),
    };

    private TEnum? Choice<TEnum>(WordMap<TEnum> words, string? asked, SettingsField field)
        where TEnum : struct, Enum
    {
        if (words.TryParse(asked, out TEnum value))
        {
            return value;
        }

        return NotAChoice<TEnum>(field);
    }

    private T? NotAChoice<T>(SettingsField field)
        where T : struct
    {
        AddError(field.Key, HttpContext.Say(ConsoleWords.NotAChoice));
        return null;
    }

    private int? WholeNumber(string? text, SettingsField field)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        AddError(field.Key, HttpContext.Say(ConsoleWords.NotWholeNumber));
        return null;
    }

}
