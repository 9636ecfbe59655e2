namespace IvrController.Esl.Framing;

/// <summary>How a header value's bytes must be decoded when it is read.</summary>
internal enum HeaderEncoding : byte
{
    /// <summary>URL-encoded as FreeSWITCH writes plain headers (only %XX sequences are escapes).</summary>
    Url,

    /// <summary>The inside of a JSON string literal (may hold backslash escapes).</summary>
    JsonString,

    /// <summary>UTF-8 text as it stands (JSON numbers and arrays, XML-decoded values).</summary>
    Raw,
}
