namespace IvrController.FakeSwitch;

/// <summary>Which side ends the call (or the bridge): the order of the switch's frames depends on it.</summary>
public enum HangupOrigin
{
    /// <summary>The party on the leg handed to the controller hangs up (a BYE on this channel).</summary>
    Caller,

    /// <summary>The bridged party hangs up: the bridge ends, this channel lives on unless hangup_after_bridge says otherwise.</summary>
    OtherParty,

    /// <summary>The controller asked for it (<c>sendmsg</c> hangup or the hangup application).</summary>
    Controller,
}
