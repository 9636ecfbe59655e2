namespace IvrController.Esl.Framing;

/// <summary>
/// Upper bounds on what one frame may occupy. The switch itself drops a connection whose body
/// exceeds 16 MiB, so anything larger from the peer is garbage, not a frame.
/// </summary>
public sealed record EslFrameLimits
{
    public static EslFrameLimits Default { get; } = new();

    /// <summary>Largest header block, in bytes. A connect reply with a few hundred channel variables is ~10 KiB.</summary>
    public int MaxHeaderBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest body (Content-Length), in bytes.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest number of header lines in one block.</summary>
    public int MaxHeaderCount { get; init; } = 8192;
}
