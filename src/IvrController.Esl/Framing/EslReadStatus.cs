namespace IvrController.Esl.Framing;

/// <summary>What <see cref="EslFrameReader.TryRead"/> found at the start of the buffer.</summary>
public enum EslReadStatus
{
    /// <summary>A whole frame was read and the buffer advanced past it.</summary>
    Done,

    /// <summary>The buffer holds only part of a frame; nothing was consumed.</summary>
    NeedMore,

    /// <summary>The bytes cannot be an ESL frame; the connection should be dropped.</summary>
    Invalid,
}
