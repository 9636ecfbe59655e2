namespace IvrController.Esl.Inbound;

/// <summary>
/// The event socket password every FreeSWITCH ships with. A switch still using it is open to
/// anyone who can reach port 8021, so the controller refuses to use it.
/// </summary>
public static class FactoryDefaultPassword
{
    public const string Value = "ClueCon";

    public static bool Matches(string password) => string.Equals(password, Value, StringComparison.OrdinalIgnoreCase);
}
