namespace IvrController.Flows;

/// <summary>What happened to one leg of a click-to-call, as the switch reported it.</summary>
/// <param name="Reached">The phone answered.</param>
/// <param name="Cause">The switch's word for what happened (a hang-up cause or originate disposition), when not reached.</param>
/// <param name="Detail">A sentence for the admin.</param>
public sealed record ClickToCallLeg(bool Reached, string? Cause, string Detail)
{
    public static ClickToCallLeg Answered(string detail) => new(true, null, detail);

    public static ClickToCallLeg Failed(string cause, string detail) => new(false, cause, detail);
}
