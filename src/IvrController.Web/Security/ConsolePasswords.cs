using Microsoft.AspNetCore.Identity;

namespace IvrController.Web.Security;

/// <summary>
/// How console passwords are kept: the framework's password hasher (PBKDF2, salted, versioned), the
/// one home of the hash format for the console's login and <c>ivrctl admins</c>.
/// </summary>
public static class ConsolePasswords
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Why a new password cannot be used, or null when it can.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "the password is empty",
        { Length: < MinLength } => $"a password needs at least {MinLength} characters",
        { Length: > MaxLength } => $"a password has at most {MaxLength} characters",
        _ when string.IsNullOrWhiteSpace(password) => "the password is only spaces",
        _ => null,
    };

    public static string Hash(string account, string password) => Hasher.HashPassword(account, password);

    /// <summary>Whether the password matches; <paramref name="rehash"/> is a fresh hash when the stored one uses an older format.</summary>
    public static bool Verify(string account, string hash, string password, out string? rehash)
    {
        rehash = null;
        PasswordVerificationResult result;
        try
        {
            result = Hasher.VerifyHashedPassword(account, hash, password);
        }
        catch (FormatException)
        {
            return false;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehash = Hash(account, password);
        }

        return result != PasswordVerificationResult.Failed;
    }
}
