namespace IvrController.Flows.Tests.Flows;

/// <summary>
/// A controller serving sw1 and sw2, as the flows see it: a leg's Core-UUID names its switch. Any other core (a switch
/// restarted since its core UUID was read) is nobody's.
/// </summary>
internal sealed class TwoSwitches : ISwitchNames
{
    public const string CoreOfSw1 = "5f0c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e51";
    public const string CoreOfSw2 = "5f0c7a5e-1d2b-4c3a-9e8f-0a1b2c3d4e52";

    public string? NameOf(string? callSwitchCore) => callSwitchCore switch
    {
        CoreOfSw1 => "sw1",
        CoreOfSw2 => "sw2",
        _ => null,
    };
}
