using IvrController.Rules.CallerId;

namespace IvrController.Cluster;

/// <summary>The caller-ID outcome after the database had its say, and the slot the call holds (null when no number).</summary>
public sealed record CallerNumberClaim(CallerIdOutcome Outcome, HeldSlot? Slot);
