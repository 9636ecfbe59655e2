namespace IvrController.Rules.CallerId;

/// <summary>How one number is chosen among the candidates of a tier.</summary>
public enum CandidatePick
{
    /// <summary>Uniformly at random.</summary>
    Random,

    /// <summary>The number with the fewest calls today; ties broken at random. Spreads load so no number is flagged as a nuisance caller.</summary>
    LeastUsedToday,
}
