using System.Globalization;
using IvrController.Admin;
using IvrController.Store.Vocabulary;
using IvrController.Web.Language;

namespace IvrController.Web.Pages;

/// <summary>
/// One setting on the settings page: its key (the option of <c>ivrctl settings set</c>, without dashes,
/// also the id of its error line), its label, how its value reads, and the words by which the admin
/// layer's refusals name it, so a refusal lands next to its field.
/// </summary>
public sealed record SettingsField(string Key, Word Label, Func<SettingsView, string> Value, params string[] NamedAs)
{
    public static readonly SettingsField CallerIdRule = new(
        "caller-id-rule", ConsoleWords.CallerIdSection, v => RuleWords.CallerIdRules.Word(v.Settings.CallerIdRule), "caller-ID rule");

    public static readonly SettingsField CandidatePick = new(
        "candidate-pick", ConsoleWords.PickTitle, v => RuleWords.CandidatePicks.Word(v.Settings.CandidatePick), "candidate pick");

    public static readonly SettingsField Protection = new(
        "protection", ConsoleWords.ProtectionSection, v => RuleWords.ProtectionModes.Word(v.Settings.NumberProtection), "protection mode");

    public static readonly SettingsField Callback = new(
        "callback", ConsoleWords.CallbackSection, v => v.Settings.Callback.Enabled ? "on" : "off");

    public static readonly SettingsField CallbackMode = new(
        "callback-mode", ConsoleWords.CallbackSection, v => ((int)v.Settings.Callback.Mode).ToString(CultureInfo.InvariantCulture), "callback mode");

    public static readonly SettingsField CallbackWindow = new(
        "callback-window", ConsoleWords.Window, v => $"{v.Settings.Callback.Window.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h", "callback window");

    public static readonly SettingsField CallbackRingTimeout = new(
        "callback-ring-timeout", ConsoleWords.RingTimeout, v => $"{v.Settings.Callback.RingTimeout.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)}s", "ring timeout");

    public static readonly SettingsField OutboundSurvey = new(
        "outbound-survey", ConsoleWords.OutboundSurvey, v => v.OutboundSurveyName ?? "none", "outbound survey");

    public static readonly SettingsField InboundSurvey = new(
        "inbound-survey", ConsoleWords.InboundSurvey, v => v.InboundSurveyName ?? "none", "inbound survey");

    public static IReadOnlyList<SettingsField> All { get; } =
        [CallerIdRule, CandidatePick, Protection, Callback, CallbackMode, CallbackWindow, CallbackRingTimeout, OutboundSurvey, InboundSurvey];

    /// <summary>The field a refusal is about, or null when it names none (it is then shown above the form).</summary>
    public static SettingsField? Named(string problem) =>
        All.FirstOrDefault(field => field.NamedAs.Any(words => problem.Contains(words, StringComparison.OrdinalIgnoreCase)));

    /// <summary>"caller-id-rule skill_group → same_region" for each setting that differs.</summary>
    public static IReadOnlyList<(SettingsField Field, string Before, string After)> Differences(SettingsView before, SettingsView after) =>
        [.. All.Select(f => (Field: f, Before: f.Value(before), After: f.Value(after))).Where(d => d.Before != d.After)];
}
