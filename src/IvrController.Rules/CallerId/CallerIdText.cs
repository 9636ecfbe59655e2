namespace IvrController.Rules.CallerId;

/// <summary>Words for reasons, shared so logs and <c>ivrctl explain</c> say the same thing.</summary>
internal static class CallerIdText
{
    internal static string RuleName(CallerIdRule rule) => rule switch
    {
        CallerIdRule.SkillGroup => "skill group",
        CallerIdRule.SameRegion => "same region",
        _ => rule.ToString(),
    };

    internal static string TierName(CallerIdTier tier) => tier switch
    {
        CallerIdTier.SkillGroup => "skill group",
        CallerIdTier.SameCity => "same city",
        CallerIdTier.SameProvince => "same province",
        CallerIdTier.WholePool => "whole pool",
        _ => tier.ToString(),
    };

    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
