namespace IvrController.Rules.Ivr;

/// <summary>A key of a menu and what it does.</summary>
public sealed record IvrOption(char Digit, IvrAction Action);
