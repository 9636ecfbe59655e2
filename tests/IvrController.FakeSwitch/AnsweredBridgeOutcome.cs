using IvrController.Esl.Messages;

namespace IvrController.FakeSwitch;

/// <summary>
/// The bridged party answers. The frames follow the captures: CHANNEL_EXECUTE; CHANNEL_PROGRESS
/// (carrier legs) and CHANNEL_ANSWER if this leg was still ringing; CHANNEL_BRIDGE with
/// <c>originate_disposition=SUCCESS</c>. Then either the caller hangs up (this leg ends:
/// outbound-agent-call-bridge) or the other party does: CHANNEL_UNBRIDGE with
/// <c>bridge_hangup_cause</c>, and this leg hangs up too if <c>hangup_after_bridge</c> is true
/// (outbound-customer-hangs-up-first) or the session goes on (outbound-callback-agent-answers-then-survey).
/// </summary>
public sealed class AnsweredBridgeOutcome(TimeSpan talk, Party? hangsUpFirst) : ApplicationOutcome
{
    public override async Task PlayAsync(CallDriver call, ExecutedApplication application, CancellationToken cancellationToken)
    {
        CallChannel channel = call.Channel;
        var target = DialTarget.Parse(application.Argument);
        await call.StartAsync(application, cancellationToken);
        if (target.IsUser)
        {
            channel.SetVariable("dialed_user", target.User);
            channel.SetVariable("dialed_domain", target.Domain);
        }

        string otherLeg = Guid.NewGuid().ToString();
        if (!channel.IsAnswered)
        {
            if (target.IsGateway)
            {
                await call.EmitAsync(EventNames.ChannelProgress, [], cancellationToken);
            }

            channel.Answer();
            await call.EmitAsync(EventNames.ChannelAnswer, [], cancellationToken);
        }

        channel.SetVariable("originate_disposition", HangupCauses.Success);
        channel.SetVariable("DIALSTATUS", HangupCauses.Success);
        channel.SetVariable("originated_legs", $"{otherLeg};Outbound Call;{target.User}");
        channel.SetVariable("originate_causes", $"{otherLeg};NONE");
        channel.SetVariable("signal_bond", otherLeg);
        await call.BridgeAsync(otherLeg, call.OtherLegFor(target, otherLeg), cancellationToken);

        HangupRequest end;
        if (hangsUpFirst is { } party)
        {
            channel.Elapse(talk);
            end = new HangupRequest(party == call.ThisLeg ? HangupOrigin.Caller : HangupOrigin.OtherParty, HangupCauses.NormalClearing);
        }
        else
        {
            end = await call.WaitForHangupAsync(cancellationToken);
        }

        string otherChannel = call.OtherLegFor(target, otherLeg).FirstOrDefault(h => h.Key == "Other-Leg-Channel-Name").Value ?? target.Endpoint;
        channel.SetVariable("last_bridge_to", otherLeg);
        channel.SetVariable("bridge_channel", otherChannel);
        channel.SetVariable("bridge_uuid", otherLeg);
        channel.SetVariable("last_sent_callee_id_name", "Outbound Call");
        channel.SetVariable("last_sent_callee_id_number", target.User);
        if (end.Origin != HangupOrigin.OtherParty)
        {
            channel.SetVariable("last_bridge_role", "originator");
            channel.SetVariable("sip_term_status", "200");
            channel.SetVariable("proto_specific_hangup_cause", "sip:200");
            channel.SetVariable("sip_term_cause", HangupCauseCodes.Q850(end.Cause).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await call.EndCallAsync(end, application, cancellationToken);
            return;
        }

        channel.SetVariable("sip_hangup_phrase", "OK");
        channel.SetVariable("last_bridge_hangup_cause", end.Cause);
        channel.SetVariable("last_bridge_proto_specific_hangup_cause", "sip:200");
        channel.SetVariable("bridge_hangup_cause", end.Cause);
        await call.UnbridgeAsync(cancellationToken);
        if (string.Equals(channel.GetVariable("hangup_after_bridge"), "true", StringComparison.OrdinalIgnoreCase))
        {
            await call.EndCallAsync(new HangupRequest(HangupOrigin.OtherParty, HangupCauses.NormalClearing), application, cancellationToken);
            return;
        }

        await call.CompleteAsync(application, null, cancellationToken);
    }
}
