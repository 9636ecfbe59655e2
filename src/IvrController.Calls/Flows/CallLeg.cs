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

    public string? Variable(string name) => Channel.GetVariable(name);

    public Task SetAsync(string name, string value, CancellationToken cancellationToken) =>
        Session.SetVariableAsync(name, value, cancellationToken);

    public Task AnswerAsync(CancellationToken cancellationToken) =>
        Session.ExecuteAsync("answer", null, cancellationToken);

    public Task PlayAsync(string prompt, CancellationToken cancellationToken) =>
        Session.ExecuteAsync("playback", Prompts.File(prompt), cancellationToken);

    /// <summary>Prompts in <paramref name="language"/> (a directory of sounds/) from now on.</summary>
    public Task UseLanguageAsync(string language, FlowOptions options, CancellationToken cancellationToken) =>
        Session.SetVariableAsync(ChannelVariables.SoundPrefix, $"${{{options.SoundsDirectoryVariable}}}/{language}", cancellationToken);

    public Task<ApplicationResult> BridgeAsync(DialString target, CancellationToken cancellationToken) =>
        Session.ExecuteAsync("bridge", target.ToString(), cancellationToken);

    public async Task<string?> CollectAsync(PlayAndGetDigits question, CancellationToken cancellationToken) =>
        (await Session.PlayAndGetDigitsAsync(question, cancellationToken).ConfigureAwait(false)).Digits;

    public Task HangupAsync(string cause, CancellationToken cancellationToken) =>
        Session.HangupAsync(cause, cancellationToken);
}
