namespace IvrController.Esl.Framing;

/// <summary>Where one header's name and value lie in a frame's buffer.</summary>
internal readonly record struct HeaderEntry(int NameStart, int NameLength, int ValueStart, int ValueLength, HeaderEncoding Encoding);
