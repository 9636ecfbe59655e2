namespace IvrController.Esl.Inbound;

/// <summary>
/// Event socket passwords that are public knowledge: FreeSWITCH's factory default and the
/// placeholder in this repository's freeswitch-conf/vars.xml. A switch using either is open to
/// anyone who can reach its event socket, so the controller refuses them.
/// </summary>
public static class UnsafeEslPasswords
{
    public const string FactoryDefault = "ClueCon";

    public const string RepositoryPlaceholder = "change-me-esl-secret";

    /// <summary>Why the password must not be used, or null when it is not a known one.</summary>
    public static string? Reason(string password)
    {
        if (string.Equals(password, FactoryDefault, StringComparison.OrdinalIgnoreCase))
        {
            return $"it is FreeSWITCH's factory default '{FactoryDefault}'";
        }

        if (string.Equals(password, RepositoryPlaceholder, StringComparison.Ordinal))
        {
            return "it is the placeholder shipped in freeswitch-conf/vars.xml";
        }

        return null;
    }
}
