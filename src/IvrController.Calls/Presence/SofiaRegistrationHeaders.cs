namespace IvrController.Presence;

/// <summary>
/// Headers of mod_sofia's registration events (sofia_reg.c, FreeSWITCH 1.10). sofia::register
/// and sofia::unregister name the user <c>from-user</c>; sofia::expire names it <c>user</c>. All
/// three carry <c>profile-name</c> and the REGISTER's <c>call-id</c>. In sofia::register
/// <c>expires</c> is relative (seconds from now); in sofia::expire it is the absolute time that
/// passed, so it is not read there.
/// </summary>
public static class SofiaRegistrationHeaders
{
    public const string ProfileName = "profile-name";
    public const string FromUser = "from-user";
    public const string User = "user";
    public const string CallId = "call-id";
    public const string Expires = "expires";
}
