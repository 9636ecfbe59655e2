using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;

namespace IvrController.Flows;

/// <summary>
/// One leg the switch handed us, with the few verbs the flows use. Thin on purpose: the flows read
/// like the call, and the ESL session stays the only thing that talks to the switch.
/// </summary>
public sealed class CallLeg(OutboundSession session)
{
    public OutboundSession Session { get; } = session;

    public ChannelData Channel => Session.ChannelData;

    /// <summary>The channel's UUID, which is also the call's id in the call log.</summary>
    public Guid CallId => Guid.TryParse(Session.UniqueId, out Guid id) ? id : throw new InvalidOperationException("The channel has no UUID.");

    /// <summary>The core UUID of the switch that handed the leg over: which of several switches the call is on.</summary>
    public string? SwitchCore => Channel.GetHeader(HeaderNames.CoreUuid);

    public string? Variable(string name) => Channel.GetVariable(name);

    /// <summary>
    /// Sets several variables with one application (multiset), in order, sent with the next application in the
    /// same write (the switch runs them in that order): no round trip of their own.
    /// </summary>
    public void SetWithNext(IReadOnlyList<KeyValuePair<string, string>> variables) =>
        Session.SetVariablesWithNext(variables);

    /// <summary>Answers the call, sent with the next application in the same write.</summary>
    public void AnswerWithNext() => Session.ExecuteWithNext("answer");

    public Task PlayAsync(string prompt, CancellationToken cancellationToken) =>
        Done(Session.ExecuteAsync("playback", Prompts.File(prompt), cancellationToken));

    /// <summary>Prompts in <paramref name="language"/> (a directory of sounds/) from the next application on, sent with it.</summary>
    public void UseLanguageWithNext(string language, FlowOptions options) =>
        Session.SetVariablesWithNext([new(ChannelVariables.SoundPrefix, $"${{{options.SoundsDirectoryVariable}}}/{language}")]);

    /// <summary>The bridge's completion; dispose it once read.</summary>
    public Task<ApplicationResult> BridgeAsync(DialString target, CancellationToken cancellationToken) =>
        Session.ExecuteAsync("bridge", target.ToString(), cancellationToken);

    public async Task<string?> CollectAsync(PlayAndGetDigits question, CancellationToken cancellationToken) =>
        (await Session.PlayAndGetDigitsAsync(question, cancellationToken).ConfigureAwait(false)).Digits;

    public Task HangupAsync(string cause, CancellationToken cancellationToken) =>
        Session.HangupAsync(cause, cancellationToken);

    /// <summary>
    /// Plays <paramref name="prompt"/>, then hangs the call up with <paramref name="cause"/>: both go to the switch in
    /// one write (with whatever was queued to go with the next application) and it runs them in that order, so the
    /// prompt is heard to its end without a round trip between the two (the hang-up is the dialplan application, not
    /// the hang-up command, which would cut the prompt). Returns once the call is over, also when the caller hangs up
    /// during the prompt; throws <see cref="EslChannelHangupException"/> only if the call had ended before.
    /// </summary>
    public async Task PlayThenHangUpAsync(string prompt, string cause, CancellationToken cancellationToken)
    {
        bool upWhenAsked = !Session.IsHungUp;
        Session.ExecuteWithNext("playback", Prompts.File(prompt));
        try
        {
            using ApplicationResult _ = await Session.ExecuteAsync("hangup", cause, cancellationToken).ConfigureAwait(false);
        }
        catch (EslChannelHangupException) when (upWhenAsked)
        {
            // The caller left during the prompt, or the hang-up's event came before the application's completion.
        }
    }

    /// <summary>Waits for an application whose result nobody reads, and hands its event's buffers back.</summary>
    private static async Task Done(Task<ApplicationResult> execution)
    {
        using ApplicationResult _ = await execution.ConfigureAwait(false);
    }
}
