namespace IvrController.Rules.Numbers;

/// <summary>
/// A string that is not a usable Chinese number. The message says what is wrong without repeating the
/// input; <see cref="MaskedInput"/> is the input with all but its last two digits hidden, safe to log.
/// </summary>
public sealed class InvalidPhoneNumberException : Exception
{
    public InvalidPhoneNumberException()
    {
    }

    public InvalidPhoneNumberException(string message)
        : base(message)
    {
    }

    public InvalidPhoneNumberException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidPhoneNumberException(string message, string maskedInput)
        : base(message)
    {
        MaskedInput = maskedInput;
    }

    public string MaskedInput { get; } = "";
}
