namespace IvrController.Admin;

/// <summary>A person who logs in to the web console.</summary>
/// <param name="PasswordHash">The framework password hasher's output; never the password.</param>
public sealed record ConsoleAccount(string Name, ConsoleRole Role, string PasswordHash, DateTime CreatedAt, DateTime PasswordChangedAt);
