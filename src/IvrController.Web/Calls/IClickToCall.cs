namespace IvrController.Web.Calls;

/// <summary>
/// Click-to-call, the path of <c>ivrctl call</c>: ring the agent, then call the customer for them. The number
/// goes from the database to the switch through the controller; the browser only ever names a missed callback.
/// Refusals and failures throw <see cref="ConsoleCallException"/>.
/// </summary>
public interface IClickToCall
{
    /// <summary>Places the call and returns once the customer's leg is known (or the agent's failed), with a sentence to show.</summary>
    Task<string> CallAsync(string agentId, string customerNumber, CancellationToken cancellationToken);
}
