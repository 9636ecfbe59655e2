namespace IvrController.Esl.Messages;

/// <summary>The wire format an event arrived in (<c>event plain|json|xml ...</c>).</summary>
public enum EslEventFormat
{
    Plain,
    Json,
    Xml,
}
