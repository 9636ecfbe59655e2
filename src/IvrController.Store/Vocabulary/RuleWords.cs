using IvrController.Rules.CallerId;
using IvrController.Rules.Ivr;
using IvrController.Rules.Protection;
using IvrController.Rules.Surveys;

namespace IvrController.Store.Vocabulary;

/// <summary>The stored words of the rules' enums, exactly as the check constraints of 0001_initial.sql list them.</summary>
public static class RuleWords
{
    public static WordMap<CallerIdRule> CallerIdRules { get; } = new(
        (CallerIdRule.SkillGroup, "skill_group"), (CallerIdRule.SameRegion, "same_region"));

    public static WordMap<CandidatePick> CandidatePicks { get; } = new(
        (CandidatePick.Random, "random"), (CandidatePick.LeastUsedToday, "least_used_today"));

    public static WordMap<NumberProtectionMode> ProtectionModes { get; } = new(
        (NumberProtectionMode.Mask, "mask"), (NumberProtectionMode.CustomerId, "customer_id"));

    public static WordMap<SurveyDirection> SurveyDirections { get; } = new(
        (SurveyDirection.Outbound, "outbound"), (SurveyDirection.Inbound, "inbound"));

    public static WordMap<IvrActionKind> IvrActions { get; } = new(
        (IvrActionKind.SkillGroup, "skill_group"), (IvrActionKind.Agent, "agent"), (IvrActionKind.Submenu, "submenu"),
        (IvrActionKind.Repeat, "repeat"), (IvrActionKind.Hangup, "hangup"));

    /// <summary>Builds the action a stored (action, target) pair names.</summary>
    public static IvrAction IvrAction(string action, string? target) => IvrActions.Parse(action) switch
    {
        IvrActionKind.SkillGroup => Rules.Ivr.IvrAction.ToSkillGroup(target ?? ""),
        IvrActionKind.Agent => Rules.Ivr.IvrAction.ToAgent(target ?? ""),
        IvrActionKind.Submenu => Rules.Ivr.IvrAction.ToSubmenu(target ?? ""),
        IvrActionKind.Repeat => Rules.Ivr.IvrAction.Repeat,
        _ => Rules.Ivr.IvrAction.Hangup,
    };
}
