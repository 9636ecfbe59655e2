using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;

namespace IvrController.Rules.CallerId;

/// <summary>Everything a caller-ID decision depends on besides the pool and the counters.</summary>
/// <param name="AgentId">The calling agent (SIP user).</param>
/// <param name="AgentSkillGroupIds">The agent's outbound skill groups.</param>
/// <param name="Callee">The customer; only ever shown masked in reasons.</param>
/// <param name="CalleeRegion">Where the customer is, from <see cref="RegionResolver"/>.</param>
/// <param name="Rule">The site's caller-ID rule.</param>
/// <param name="Pick">How one number is chosen within a tier.</param>
public sealed record CallerIdRequest(
    string AgentId,
    IReadOnlyCollection<string> AgentSkillGroupIds,
    PhoneNumber Callee,
    RegionLookup CalleeRegion,
    CallerIdRule Rule,
    CandidatePick Pick);
