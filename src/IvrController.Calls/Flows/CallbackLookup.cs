using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Store;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// The callback memory a call reads: the controller's own (<see cref="CallbackMemory"/>, which needs
/// no database) and the call log, which also knows calls this controller did not place (another
/// controller's, or rows written by hand). The later of the two wins. The call log is asked with a
/// short deadline and its failure is logged, never the call's: during a database outage a customer
/// still reaches the agent this controller remembers (DESIGN 5).
/// </summary>
public sealed class CallbackLookup(CallbackMemory memory, ICallbackMemoryStore callLog, TimeSpan callLogDeadline, ILogger<CallbackLookup> logger, TimeProvider? time = null) : ICallbackMemoryStore
{
    public async Task<LastOutboundCall?> FindLastOutboundCallAsync(PhoneNumber customer, DateTimeOffset since, CancellationToken cancellationToken)
    {
        LastOutboundCall? remembered = memory.Find(customer, since);
        LastOutboundCall? logged;
        try
        {
            logged = await DatabaseDeadline.WithinAsync(
                () => callLog.FindLastOutboundCallAsync(customer, since, CancellationToken.None), callLogDeadline, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure of the log (down, slow, refusing) leaves the controller's own memory in charge.
            logger.LogWarning("Callback memory for {Customer} from this controller alone ({Found}): the call log did not answer within {Deadline:0.###} s ({Reason})",
                NumberMask.Mask(customer), remembered is null ? "no call remembered" : $"agent {remembered.AgentId}", callLogDeadline.TotalSeconds, e.Message);
            return remembered;
        }

        if (logged is null)
        {
            return remembered;
        }

        memory.Remember(logged);
        return remembered is not null && remembered.StartedAt > logged.StartedAt ? remembered : logged;
    }
}
