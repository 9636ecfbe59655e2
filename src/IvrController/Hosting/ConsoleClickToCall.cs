using IvrController.Routing;
using IvrController.Rules.Protection;
using IvrController.Store.Snapshots;
using IvrController.Web.Calls;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>Click-to-call from the console: <see cref="ClickToCallPlacement"/>, the path of <c>ivrctl call</c>, on the rules in force.</summary>
public sealed class ConsoleClickToCall(ControllerSettings settings, LiveRules rules, ICustomerIdLookup customerIds, ILoggerFactory loggerFactory) : IClickToCall
{
    public async Task<string> CallAsync(string agentId, string customerNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await ClickToCallPlacement.PlaceAsync(
                settings, rules.Current, customerIds, agentId, customerNumber, connected: null, progress: null, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (RoutingException e)
        {
            throw new ConsoleCallException(e.Message, e);
        }
    }
}
