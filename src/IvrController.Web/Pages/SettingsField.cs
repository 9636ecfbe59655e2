using IvrController.Admin;
using IvrController.Web.Language;

namespace IvrController.Web.Pages;

/// <summary>
/// One setting on the settings page: its key (the option of <c>ivrctl settings set</c>, without dashes,
/// also the id of its error line), its label, and the words by which the admin layer's refusals name it, so a
/// refusal lands next to its field. Its value reads as <see cref="SettingsView.Fields"/> words it.
/// </summary>
public sealed record SettingsField(string Key, Word Label, params string[] NamedAs)
{
    public static readonly SettingsField CallerIdRule = new("caller-id-rule", ConsoleWords.CallerIdSection, "caller-ID rule");

    public static readonly SettingsField CandidatePick = new("candidate-pick", ConsoleWords.PickTitle, "candidate pick");

    public static readonly SettingsField Protection = new("protection", ConsoleWords.ProtectionSection, "protection mode");

    public static readonly SettingsField Callback = new("callback", ConsoleWords.CallbackSection);

    public static readonly SettingsField CallbackMode = new("callback-mode", ConsoleWords.CallbackSection, "callback mode");

    public static readonly SettingsField CallbackWindow = new("callback-window", ConsoleWords.Window, "callback window");

    public static readonly SettingsField CallbackRingTimeout = new("callback-ring-timeout", ConsoleWords.RingTimeout, "ring timeout");

    public static readonly SettingsField OutboundSurvey = new("outbound-survey", ConsoleWords.OutboundSurvey, "outbound survey");

    public static readonly SettingsField InboundSurvey = new("inbound-survey", ConsoleWords.InboundSurvey, "inbound survey");

    public static IReadOnlyList<SettingsField> All { get; } =
        [CallerIdRule, CandidatePick, Protection, Callback, CallbackMode, CallbackWindow, CallbackRingTimeout, OutboundSurvey, InboundSurvey];

    /// <summary>The field a refusal is about, or null when it names none (it is then shown above the form).</summary>
    public static SettingsField? Named(string problem) =>
        All.FirstOrDefault(field => field.NamedAs.Any(words => problem.Contains(words, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"caller-id-rule skill_group → same_region" for each setting that differs.</summary>
    public static IReadOnlyList<(SettingsField Field, string Before, string After)> Differences(SettingsView before, SettingsView after) =>
        [.. All.Select(f => (Field: f, Before: f.Value(before), After: f.Value(after))).Where(d => d.Before != d.After)];

    public string Value(SettingsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.ValueOf(Key);
    }
}
