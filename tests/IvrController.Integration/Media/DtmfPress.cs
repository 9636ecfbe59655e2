namespace IvrController.Integration.Media;

/// <summary>A key pressed on a phone: which, when (from the start of the media) and for how long.</summary>
public sealed record DtmfPress(char Digit, TimeSpan At, TimeSpan Length);
