using IvrController.Rules.Numbers;

namespace IvrController.Rules.CallerId;

/// <summary>
/// The result of <see cref="CallerIdSelector.Select"/>: a <see cref="CallerIdDecision"/> or
/// <see cref="NoCallerNumberAvailable"/>. Either carries the tiers it looked at and a reason for logs and
/// <c>ivrctl explain</c>, in which the customer's number is masked.
/// </summary>
public abstract class CallerIdOutcome
{
    private protected CallerIdOutcome(CallerIdRequest request, IReadOnlyList<CallerIdTierAttempt> attempts)
    {
        Request = request;
        Attempts = attempts;
    }

    public CallerIdRequest Request { get; }

    public CallerIdRule Rule => Request.Rule;

    public PhoneNumber Callee => Request.Callee;

    /// <summary>The tiers looked at, in order; the last is the one decided in (or the last that failed).</summary>
    public IReadOnlyList<CallerIdTierAttempt> Attempts { get; }

    /// <summary>A one-line explanation; built on demand, so a decision costs nothing to make when nobody logs it.</summary>
    public abstract string Reason { get; }

    public override string ToString() => Reason;

    private protected string Preamble()
    {
        string attempts = string.Join("; ", Attempts);
        string region = Rule == CallerIdRule.SameRegion ? $" in {Request.CalleeRegion}" : "";
        string groups = Rule == CallerIdRule.SkillGroup ? $", agent {Request.AgentId} in {CallerIdText.Count(Request.AgentSkillGroupIds.Count, "outbound skill group")}" : "";
        return $"rule {CallerIdText.RuleName(Rule)}: callee {Callee}{region}{groups}; {attempts}";
    }
}
