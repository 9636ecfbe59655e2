namespace IvrController.Admin.Prompts;

/// <summary>Words could not be spoken or a recording could not be taken; the message says why in an admin's words.</summary>
public sealed class PromptRenderingException : Exception
{
    public PromptRenderingException()
    {
    }

    public PromptRenderingException(string message)
        : base(message)
    {
    }

    public PromptRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
