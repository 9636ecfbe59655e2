using System.Globalization;

namespace IvrController.Presence;

/// <summary>
/// The fields of one row of <c>show registrations as json</c> (the core's registrations table)
/// that presence relies on: <c>reg_user</c> (the SIP user), <c>token</c> (the REGISTER's
/// Call-ID), <c>url</c> (<c>sofia/&lt;profile&gt;/sip:…</c>: tells which profile holds it) and
/// <c>expires</c> (absolute, in Unix seconds; 0 means it does not expire).
/// </summary>
public sealed record RegistrationRow(string User, string Token, string Url, long ExpiresEpoch)
{
    public static RegistrationRow FromFields(IReadOnlyDictionary<string, string> fields) => new(
        Field(fields, "reg_user"),
        Field(fields, "token"),
        Field(fields, "url"),
        long.TryParse(Field(fields, "expires"), NumberStyles.None, CultureInfo.InvariantCulture, out long expires) ? expires : -1);

    private static string Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? value) ? value : string.Empty;
}
