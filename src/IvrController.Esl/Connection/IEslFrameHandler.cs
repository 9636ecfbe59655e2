using IvrController.Esl.Framing;
using IvrController.Esl.Messages;

namespace IvrController.Esl.Connection;

/// <summary>
/// Receives what the switch sends that is not a reply to a command. Called on the connection's
/// read loop: implementations must return quickly and never block (hand work to a queue).
/// The callee owns what it is given.
/// </summary>
public interface IEslFrameHandler
{
    void OnEvent(EslEvent eslEvent);

    /// <summary>auth/request, text/disconnect-notice, text/rude-rejection, log/data, unknown types.</summary>
    void OnNotice(EslFrame frame);
}
