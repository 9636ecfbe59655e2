namespace IvrController.FakeSwitch;

/// <summary>Who is on a leg of the call: the leg handed to the controller, or the one it bridges to.</summary>
public enum Party
{
    Agent,
    Customer,
}
