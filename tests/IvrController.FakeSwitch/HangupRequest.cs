namespace IvrController.FakeSwitch;

/// <summary>A hang-up waiting to be played: who, and with which cause.</summary>
public sealed record HangupRequest(HangupOrigin Origin, string Cause);
