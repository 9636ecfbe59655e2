namespace IvrController.Admin;

/// <summary>
/// An edit of the rule tables was refused; <see cref="Exception.Message"/> says why in words an
/// admin can act on (ivrctl prints it as it is). <see cref="Constraint"/> names the schema
/// constraint that refused it, when one did.
/// </summary>
public sealed class RuleEditException : Exception
{
    public RuleEditException()
    {
    }

    public RuleEditException(string message)
        : base(message)
    {
    }

    public RuleEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleEditException(string message, string? constraint, Exception? innerException)
        : base(message, innerException)
    {
        Constraint = constraint;
    }

    public string? Constraint { get; }
}
