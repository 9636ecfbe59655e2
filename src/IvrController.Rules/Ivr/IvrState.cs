namespace IvrController.Rules.Ivr;

/// <summary>Where a caller is in the IVR; kept by the flow between keys.</summary>
/// <param name="MenuName">The menu being played.</param>
/// <param name="Failures">Wrong or missing keys in this menu so far.</param>
/// <param name="Inputs">Keys (and timeouts) since the caller entered the IVR, bounded by <see cref="IvrNavigator.MaxInputs"/>.</param>
public sealed record IvrState(string MenuName, int Failures, int Inputs);
