namespace IvrController.Cli;

/// <summary>Exit codes of <c>ivrctl</c>: scripts check them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The verb ran and failed (bad input, refused edit, unreachable database).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong (unknown verb, missing option).</summary>
    public const int Usage = 2;
}
