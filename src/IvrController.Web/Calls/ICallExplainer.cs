namespace IvrController.Web.Calls;

/// <summary>
/// What <c>ivrctl explain</c> answers, for the console: the controller computes it with the planners its flows
/// use, on the rules in force. A question that cannot be answered (unknown agent, a number that does not
/// normalise) throws <see cref="ConsoleCallException"/> with the sentence to show.
/// </summary>
public interface ICallExplainer
{
    Task<OutboundExplanation> ExplainOutboundAsync(string agentId, string dialled, CancellationToken cancellationToken);

    Task<CallbackExplanation> ExplainCallbackAsync(string caller, string dialled, bool assumeAgentUnavailable, CancellationToken cancellationToken);
}
